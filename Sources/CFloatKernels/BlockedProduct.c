#include "CFloatKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define CFK_X86 1
#endif

/// The portable form: the C library's fmaf, which is exact on every machine.
static void portable(ptrdiff_t rows, ptrdiff_t depth, ptrdiff_t width, ptrdiff_t block,
                     const float *a, ptrdiff_t row_stride, ptrdiff_t depth_stride,
                     const float *b, const float *initial, float *c) {
    float accumulator[width > 0 ? width : 1];
    for (ptrdiff_t i = 0; i < rows; i++) {
        float *row = c + i * width;
        for (ptrdiff_t j = 0; j < width; j++) row[j] = initial ? initial[j] : 0.0f;
        for (ptrdiff_t start = 0; start < depth; start += block) {
            ptrdiff_t end = start + block < depth ? start + block : depth;
            for (ptrdiff_t j = 0; j < width; j++) accumulator[j] = 0.0f;
            for (ptrdiff_t k = start; k < end; k++) {
                float factor = a[i * row_stride + k * depth_stride];
                const float *line = b + k * width;
                for (ptrdiff_t j = 0; j < width; j++) accumulator[j] = fmaf(factor, line[j], accumulator[j]);
            }
            for (ptrdiff_t j = 0; j < width; j++) row[j] += accumulator[j];
        }
    }
}

#ifdef CFK_X86
/// The same products with AVX2 and FMA3 for a width of `groups` eight-column
/// groups (the last one masked), two rows at a time sharing the loads of b.
/// Always inlined with a constant `groups`, so the accumulators live in registers.
__attribute__((target("avx2,fma"), always_inline))
static inline void fused_groups(const ptrdiff_t groups, ptrdiff_t rows, ptrdiff_t depth, ptrdiff_t width, ptrdiff_t block,
                                const float *a, ptrdiff_t row_stride, ptrdiff_t depth_stride,
                                const float *b, const float *initial, float *c) {
    int tail = (int)(width - 8 * (groups - 1));
    __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(tail), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    for (ptrdiff_t i = 0; i < rows; i += 2) {
        int pair = i + 1 < rows;
        __m256 sum0[8], sum1[8];
        for (ptrdiff_t g = 0; g < groups; g++) {
            __m256 start = _mm256_setzero_ps();
            if (initial) start = g + 1 < groups ? _mm256_loadu_ps(initial + 8 * g) : _mm256_maskload_ps(initial + 8 * g, mask);
            sum0[g] = start;
            sum1[g] = start;
        }
        const float *a0 = a + i * row_stride;
        const float *a1 = pair ? a0 + row_stride : a0;
        for (ptrdiff_t from = 0; from < depth; from += block) {
            ptrdiff_t end = from + block < depth ? from + block : depth;
            __m256 acc0[8], acc1[8];
            for (ptrdiff_t g = 0; g < groups; g++) {
                acc0[g] = _mm256_setzero_ps();
                acc1[g] = _mm256_setzero_ps();
            }
            for (ptrdiff_t k = from; k < end; k++) {
                __m256 f0 = _mm256_broadcast_ss(a0 + k * depth_stride);
                __m256 f1 = _mm256_broadcast_ss(a1 + k * depth_stride);
                const float *line = b + k * width;
                for (ptrdiff_t g = 0; g < groups; g++) {
                    __m256 v = g + 1 < groups ? _mm256_loadu_ps(line + 8 * g) : _mm256_maskload_ps(line + 8 * g, mask);
                    acc0[g] = _mm256_fmadd_ps(f0, v, acc0[g]);
                    acc1[g] = _mm256_fmadd_ps(f1, v, acc1[g]);
                }
            }
            for (ptrdiff_t g = 0; g < groups; g++) {
                sum0[g] = _mm256_add_ps(sum0[g], acc0[g]);
                sum1[g] = _mm256_add_ps(sum1[g], acc1[g]);
            }
        }
        for (ptrdiff_t g = 0; g < groups; g++) {
            float *out0 = c + i * width + 8 * g;
            if (g + 1 < groups) {
                _mm256_storeu_ps(out0, sum0[g]);
                if (pair) _mm256_storeu_ps(out0 + width, sum1[g]);
            } else {
                _mm256_maskstore_ps(out0, mask, sum0[g]);
                if (pair) _mm256_maskstore_ps(out0 + width, mask, sum1[g]);
            }
        }
    }
}

/// Dispatches on the width's group count (1 to 8); wider products take the portable form.
__attribute__((target("avx2,fma")))
static void fused(ptrdiff_t rows, ptrdiff_t depth, ptrdiff_t width, ptrdiff_t block,
                  const float *a, ptrdiff_t row_stride, ptrdiff_t depth_stride,
                  const float *b, const float *initial, float *c) {
    switch ((width + 7) / 8) {
    case 1: fused_groups(1, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 2: fused_groups(2, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 3: fused_groups(3, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 4: fused_groups(4, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 5: fused_groups(5, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 6: fused_groups(6, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 7: fused_groups(7, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    case 8: fused_groups(8, rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    default: portable(rows, depth, width, block, a, row_stride, depth_stride, b, initial, c); break;
    }
}
#endif

/// Whether the processor has AVX2 and FMA3, decided once when the program loads.
static int hardware = 0;

#ifdef CFK_X86
__attribute__((constructor))
static void detect(void) {
    __builtin_cpu_init();
    hardware = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

int cfk_uses_hardware_fma(void) { return hardware; }

void cfk_blocked_product(ptrdiff_t rows, ptrdiff_t depth, ptrdiff_t width, ptrdiff_t block,
                         const float *a, ptrdiff_t row_stride, ptrdiff_t depth_stride,
                         const float *b, const float *initial, float *c) {
#ifdef CFK_X86
    if (hardware) {
        fused(rows, depth, width, block, a, row_stride, depth_stride, b, initial, c);
        return;
    }
#endif
    portable(rows, depth, width, block, a, row_stride, depth_stride, b, initial, c);
}
