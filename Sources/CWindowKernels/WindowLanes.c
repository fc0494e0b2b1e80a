#include "CWindowKernels.h"

#include <math.h>
#include <string.h>

// The kernel's results are the same bits as the general engine's only with
// every operation rounded on its own: no fused multiply-add.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#define CWK_JOIN2(a, b) a##b
#define CWK_JOIN(a, b) CWK_JOIN2(a, b)

#define LANES 2
#define KERNEL baseline_lanes
#define QUANTISE baseline_quantise
#define QUANTISE_ALL baseline_quantise_all
#define TARGET
#include "WindowLanesBody.h"
#undef LANES
#undef KERNEL
#undef QUANTISE
#undef QUANTISE_ALL
#undef TARGET

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define CWK_X86 1

#define LANES 4
#define KERNEL avx2_lanes
#define QUANTISE avx2_quantise
#define QUANTISE_ALL avx2_quantise_all
#define TARGET __attribute__((target("avx2,fma")))
#include "WindowLanesBody.h"
#undef LANES
#undef KERNEL
#undef QUANTISE
#undef QUANTISE_ALL
#undef TARGET

#define LANES 8
#define KERNEL avx512_lanes
#define QUANTISE avx512_quantise
#define QUANTISE_ALL avx512_quantise_all
#define TARGET __attribute__((target("avx512f")))
#include "WindowLanesBody.h"
#undef LANES
#undef KERNEL
#undef QUANTISE
#undef QUANTISE_ALL
#undef TARGET
#endif

/// The widest instruction set of this processor, decided once when the program loads.
static int widest = 0;

#ifdef CWK_X86
__attribute__((constructor))
static void detect(void) {
    __builtin_cpu_init();
    widest = __builtin_cpu_supports("avx512f") ? 2 : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
}
#endif

int cwk_widest_level(void) { return widest; }

int cwk_lanes(int level) {
    int chosen = level < widest ? level : widest;
    return chosen >= 2 ? 8 : chosen == 1 ? 4 : 2;
}

void cwk_window_lanes(int level, const double *values, ptrdiff_t row_stride, ptrdiff_t count,
                      const unsigned char *active, int n, int span, int steps, int theiler, double radius,
                      cwk_lane_curve *out) {
    int chosen = level < widest ? level : widest;
#ifdef CWK_X86
    if (chosen >= 2) {
        avx512_lanes(values, row_stride, count, active, n, span, steps, theiler, radius, out);
        return;
    }
    if (chosen == 1) {
        avx2_lanes(values, row_stride, count, active, n, span, steps, theiler, radius, out);
        return;
    }
#endif
    baseline_lanes(values, row_stride, count, active, n, span, steps, theiler, radius, out);
}

void cwk_six_decimals(int level, const double *x, double *out, unsigned char *exotic, ptrdiff_t count) {
    int chosen = level < widest ? level : widest;
#ifdef CWK_X86
    if (chosen >= 2) {
        avx512_quantise_all(x, out, exotic, count);
        return;
    }
    if (chosen == 1) {
        avx2_quantise_all(x, out, exotic, count);
        return;
    }
#endif
    baseline_quantise_all(x, out, exotic, count);
}
