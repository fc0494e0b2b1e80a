#ifndef CFLOATKERNELS_H
#define CFLOATKERNELS_H

#include <stddef.h>

/// c[i][j] = initial[j] (or 0) + the sum over depth blocks of `block` of
/// (fma-accumulated from 0, in order: acc = fma(a[i][k], b[k][j], acc)),
/// for i < rows and j < width. a[i][k] is a[i*row_stride + k*depth_stride];
/// b is depth x width and c rows x width, both row-major. Every fma is a
/// fused multiply-add rounded once: the result does not depend on which
/// implementation the processor runs.
void cfk_blocked_product(ptrdiff_t rows, ptrdiff_t depth, ptrdiff_t width, ptrdiff_t block,
                         const float *a, ptrdiff_t row_stride, ptrdiff_t depth_stride,
                         const float *b, const float *initial, float *c);

/// 1 when the processor's fused multiply-add instructions are used, 0 for the C library's fmaf.
int cfk_uses_hardware_fma(void);

#endif
