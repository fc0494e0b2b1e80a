// The lane kernel's body, included by WindowLanes.c once per instruction set
// with LANES (doubles per vector), KERNEL (the function's name) and TARGET
// (its target attribute, or nothing) defined.

#define VD CWK_JOIN(cwk_vd, LANES)
#define VI CWK_JOIN(cwk_vi, LANES)
typedef double VD __attribute__((vector_size(LANES * 8), aligned(8)));
typedef long long VI __attribute__((vector_size(LANES * 8), aligned(8)));

/// The script's %f as lyap_r reads it back: k / 1e6 with k the integer
/// nearest x·1e6 (ties to even, decided on the exact product through its fma
/// error term), a zero keeping the sign of x. Lanes with |x·1e6| ≥ 2^52 (or
/// not finite) are marked in *exotic (their result is not the quantisation).
TARGET __attribute__((always_inline))
static inline VD QUANTISE(VD x, VI *exotic) {
    const VD zero = {0}, one = zero + 1.0, million = zero + 1e6, half = zero + 0.5, twoTo52 = zero + 0x1p52;
    const VI signBit = (VI)(-zero), magnitudeBits = ~signBit;
    const VD p = x * million;
    *exotic |= ((VI)p & magnitudeBits) >= (VI)twoTo52;
    const VD e = __builtin_elementwise_fma(x, million, -p);
    const VD nearest = __builtin_elementwise_roundeven(p);
    const VD d = p - nearest;
    const VI up = (d == half) & (e > zero), down = (d == -half) & (e < zero);
    const VD k = (VD)((up & (VI)(nearest + one)) | (down & (VI)(nearest - one)) | (~(up | down) & (VI)nearest));
    const VI isZero = k == zero;
    return (VD)((isZero & ((VI)x & signBit)) | (~isZero & (VI)(k / million)));
}

/// The quantisation of `count` values, LANES at a time; exotic[i] = 1 where
/// out[i] is not the quantisation (|x·1e6| ≥ 2^52 or not finite).
TARGET
static void QUANTISE_ALL(const double *x, double *out, unsigned char *exotic, ptrdiff_t count) {
    for (ptrdiff_t start = 0; start < count; start += LANES) {
        VD lanes = {0};
        for (int lane = 0; lane < LANES && start + lane < count; lane++) lanes[lane] = x[start + lane];
        VI marks = {0};
        const VD quantised = QUANTISE(lanes, &marks);
        for (int lane = 0; lane < LANES && start + lane < count; lane++) {
            out[start + lane] = quantised[lane];
            exotic[start + lane] = marks[lane] != 0;
        }
    }
}

TARGET
static void KERNEL(const double *values, ptrdiff_t row_stride, ptrdiff_t count, const unsigned char *active,
                   int n, int span, int steps, int theiler, double radius, cwk_lane_curve *out) {
    const int candidates = n - span - steps;
    const int references = candidates - theiler;
    VD point[CWK_MOST_POINTS];
    VD best[CWK_MOST_POINTS];
    VD bestIndex[CWK_MOST_POINTS];
    VD least[CWK_MOST_POINTS];
    const VD zero = {0}, one = zero + 1.0, noIndex = zero - 1.0, belowOne = zero + 0x1.fffffffffffffp-1;
    for (ptrdiff_t group = 0; group < count; group += LANES) {
        const int lanes = count - group < LANES ? (int)(count - group) : LANES;
        int live = 0;
        for (int lane = 0; lane < lanes; lane++) live |= active[group + lane];
        if (!live) {
            for (int lane = 0; lane < lanes; lane++) out[group + lane].status = CWK_SKIPPED;
            continue;
        }
        // The window's values, lanes past the last column repeating the group's first.
        for (int row = 0; row < n; row++) {
            const double *source = values + row * row_stride + group;
            if (lanes == LANES) {
                memcpy(&point[row], source, sizeof(VD));
            } else {
                for (int lane = 0; lane < LANES; lane++) point[row][lane] = source[lane < lanes ? lane : 0];
            }
        }
        VI exotic = zero != zero;
        for (int row = 0; row < n; row++) point[row] = QUANTISE(point[row], &exotic);

        // Rescaling as lyap_r does: the first minimum and maximum, (x - min) / interval.
        VD minimum = point[0], maximum = point[0];
        for (int row = 1; row < n; row++) {
            VI below = point[row] < minimum, above = point[row] > maximum;
            minimum = (VD)((below & (VI)point[row]) | (~below & (VI)minimum));
            maximum = (VD)((above & (VI)point[row]) | (~above & (VI)maximum));
        }
        const VD interval = maximum - minimum;
        const VD epsilon = radius / interval;
        const VD reciprocal = 1.0 / epsilon;
        const VD epsilonSquared = epsilon * epsilon;
        // Every grid cell is 0 and every distance below 1 passes the eps² test.
        const VI usable = ~exotic & (interval != zero) & (epsilon > zero) & (reciprocal < one) & (epsilonSquared >= one);
        for (int row = 0; row < n; row++) point[row] = (point[row] - minimum) / interval;

        // Each point's neighbour: the least positive distance below 1, the
        // larger candidate on ties (every point meets its candidates in
        // ascending order and keeps one on <=, from the largest double below
        // 1, so that only distances below 1 are kept); a point is done when
        // its least distance is below 1. Each pair's distance is computed once
        // (d(i, j) and d(j, i) are the same bits) and offered to both points.
        for (int p = 0; p < candidates; p++) {
            best[p] = belowOne;
            bestIndex[p] = noIndex;
            least[p] = one;
        }
        for (int i = 0; i < candidates; i++) {
            const VD first = point[i], last = point[i + span], own = zero + (double)i;
            VD distance1 = best[i], index1 = bestIndex[i], least1 = least[i];
            VD index = zero + (double)(i + theiler + 1);
            for (int j = i + theiler + 1; j < candidates; j++, index += one) {
                const VD dx = first - point[j], dy = last - point[j + span];
                const VD d = dx * dx + dy * dy;
                const VI positive = d > zero;
                const VI takeI = positive & (d <= distance1);
                least1 = (VD)(((VI)(d < least1) & (VI)d) | (~(VI)(d < least1) & (VI)least1));
                distance1 = (VD)((takeI & (VI)d) | (~takeI & (VI)distance1));
                index1 = (VD)((takeI & (VI)index) | (~takeI & (VI)index1));
                const VI takeJ = positive & (d <= best[j]);
                least[j] = (VD)(((VI)(d < least[j]) & (VI)d) | (~(VI)(d < least[j]) & (VI)least[j]));
                best[j] = (VD)((takeJ & (VI)d) | (~takeJ & (VI)best[j]));
                bestIndex[j] = (VD)((takeJ & (VI)own) | (~takeJ & (VI)bestIndex[j]));
            }
            best[i] = distance1;
            bestIndex[i] = index1;
            least[i] = least1;
        }

        // The sums, one lane at a time, points in ascending order.
        for (int lane = 0; lane < lanes; lane++) {
            cwk_lane_curve *curve = &out[group + lane];
            curve->status = CWK_SKIPPED;
            if (!active[group + lane]) continue;
            curve->status = CWK_DECLINED;
            if (!usable[lane] || references <= 0) continue;
            double sum0 = 0, sum1 = 0;
            int found0 = 0, found1 = 0, later = 0, undone = 0;
            for (int p = 0; p < references; p++) {
                if (!(least[p][lane] < 1)) {
                    undone = 1;
                    break;
                }
                const int e = (int)bestIndex[p][lane];
                if (e < 0) continue;
                sum0 += log(best[p][lane]);
                found0 += 1;
                const double dx = point[p + 1][lane] - point[e + 1][lane];
                const double dy = point[p + 1 + span][lane] - point[e + 1 + span][lane];
                const double d1 = dx * dx + dy * dy;
                if (d1 > 0) {
                    sum1 += log(d1);
                    found1 += 1;
                }
                for (int step = 2; step <= steps && !later; step++) {
                    const double ex = point[p + step][lane] - point[e + step][lane];
                    const double ey = point[p + step + span][lane] - point[e + step + span][lane];
                    later = ex * ex + ey * ey > 0;
                }
            }
            if (undone || (found1 == 0 && later)) continue;
            curve->sum0 = sum0;
            curve->sum1 = sum1;
            curve->found0 = found0;
            curve->found1 = found1;
            curve->later = later;
            curve->status = CWK_CURVE;
        }
    }
}

#undef VD
#undef VI
