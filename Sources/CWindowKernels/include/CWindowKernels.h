#ifndef CWINDOWKERNELS_H
#define CWINDOWKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The most points a window may have for the lane kernel.
#define CWK_MOST_POINTS 256

/// What the lane kernel says of one column's window.
enum {
    /// The sums below are the window's divergence rows 0 and 1.
    CWK_CURVE = 0,
    /// The window is outside what the kernel proves: the general engine computes it.
    CWK_DECLINED = 1,
    /// The column was not asked for.
    CWK_SKIPPED = 2,
};

/// One column's window: the sums of ln(squared distance) of rows 0 and 1,
/// how many pairs each adds, and whether any later row exists.
typedef struct {
    double sum0;
    double sum1;
    int32_t found0;
    int32_t found1;
    /// 1 when some row after row 1 has a positive distance (the row exists), else 0.
    int32_t later;
    /// CWK_CURVE, CWK_DECLINED or CWK_SKIPPED.
    int32_t status;
} cwk_lane_curve;

/// The instruction sets the kernel can run: 0 baseline (two lanes), 1 AVX2
/// (four lanes), 2 AVX-512 (eight lanes). The widest this processor has,
/// decided once when the program loads.
int cwk_widest_level(void);

/// The lanes one group of columns takes at `level`.
int cwk_lanes(int level);

/// lyap_r's rows 0 and 1 (and the existence of rows 2 … steps) for the
/// windows of `count` consecutive columns, m = 2, ieee64 arithmetic, when every
/// grid cell is 0 and every squared distance below 1 is accepted (see
/// LyapunovKit's `WindowLanes` for the facts and their proofs).
///
/// Column c's window is values[r * row_stride + c], r < n: the raw values,
/// which the kernel quantises to six decimals as the window script's `%f`
/// does before lyap_r reads them. Columns with active[c] == 0 are skipped.
/// `level` is clamped to cwk_widest_level().
void cwk_window_lanes(int level, const double *values, ptrdiff_t row_stride, ptrdiff_t count,
                      const unsigned char *active, int n, int span, int steps, int theiler, double radius,
                      cwk_lane_curve *out);

/// The kernel's six-decimal quantisation of `count` values at `level`:
/// out[i] is x[i] after `%f` as lyap_r reads it back, except where
/// exotic[i] = 1 (|x·1e6| ≥ 2^52 or not finite: the kernel declines such windows).
void cwk_six_decimals(int level, const double *x, double *out, unsigned char *exotic, ptrdiff_t count);

#endif
