#!/usr/bin/env bash
# Generates cases.tsv and expected/ from a reference lyap_r: TISEAN 3.0.0's C
# source from the authors' repository (RAJAN13-blip/chaotic-pruning,
# CHAOS-main/NN-RESULTS-FINAL/scripts/matlab/tisean package/…/source_c), built
# for x86-64 with `gcc -O2 -o lyap_r lyap_r.c routines/*.c -lm`.
#
#   generate.sh PATH-TO-REFERENCE-lyap_r
#
# Each case runs (for at most 30 s: a last line without newline takes
# the reference seconds of growing memory before exit 12) in an empty folder holding inputs/ (and out.ros holding
# "OLD\n" where the case says so) with standard input empty; the folder's
# files afterwards (other than the inputs) are the expected outputs.
set -euo pipefail
reference=$(realpath "$1")
cd "$(dirname "$0")"
here=$PWD
rm -rf expected cases.tsv
mkdir expected
printf 'id\targs\tpreexisting\texit\tnote\n' > cases.tsv
n=0
case_() { # note, preexisting (yes/no), args...
    local note=$1 old=$2; shift 2
    n=$((n + 1))
    local id; id=$(printf 'edge_%03d' $n)
    local work; work=$(mktemp -d)
    cp -p inputs/* "$work/"
    [[ $old == yes ]] && printf 'OLD\n' > "$work/out.ros"
    local status
    set +e
    (cd "$work" && timeout 30 "$reference" "$@" < /dev/null > /dev/null 2>&1)
    status=$?
    set -e
    if ((status == 124)); then status=hang; elif ((status > 128)); then status=-$((status - 128)); fi
    mkdir "expected/$id"
    for file in "$work"/* "$work"/.[!.]*; do
        [[ -e $file ]] || continue
        local name; name=$(basename "$file")
        [[ -e inputs/$name ]] && cmp -s "inputs/$name" "$file" && continue
        cp "$file" "expected/$id/$name"
    done
    rm -rf "$work"
    printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$*" "$old" "$status" "$note" >> cases.tsv
}
# Option value slots: for every ordered pair, -B -A<v>: A's token is B's next one.
declare -A value=([l]=40 [x]=1 [c]=1 [m]=3 [d]=2 [t]=1 [r]=0.05 [s]=4 [V]=0 [o]=named.ros)
for a in l x c m d t r s V o; do
    for b in l x c m d t r s V o; do
        [[ $a == "$b" ]] && continue
        case_ "option slots: -$b followed by -$a${value[$a]}" no -V0 "-$b" "-$a${value[$a]}" series.dat
    done
done
case_ "option slots: the issue's example, data named after -o" no -o -m2 -V0 series.dat
case_ "option slots: -d -m2 3" no -d -m2 3 -V0 series.dat
case_ "option slots: -o last" no -V0 series.dat -o
case_ "option slots: -o before a non-option starting with -" no -V0 -o -q series.dat
case_ "option slots: a passed-over -V and a valued one" no -V -l40 -V0 series.dat
case_ "option slots: a passed-over -d and a valued one after it" no -V0 -d -m2 -d3 series.dat
case_ "option slots: a valued -d and a passed-over one" no -V0 -d3 -d -m2 series.dat
case_ "option slots: a valued -d and one as the last token" no -V0 -d3 series.dat -d
case_ "option slots: every value is checked, first" no -V0 -dx -d3 series.dat
case_ "option slots: every value is checked, last" no -V0 -d3 -dx series.dat
case_ "option slots: a named -o, then -o before -q" no -V0 -oa.ros -o -q series.dat
case_ "option slots: a named -o, then -o last" no -V0 -oa.ros series.dat -o
case_ "option slots: -o before -q, then a named -o" no -V0 -o -q -oa.ros series.dat
case_ "option slots: a named -o and a passed-over one" no -V0 -oa.ros -o -m2 series.dat
# name,SUFFIX
for token in "series.dat,x" "series.dat," "series.dat,2x" "series.dat,0" "series.dat,2" "series.dat,2,3" "series.dat,,2" "series.dat,+2" "series.dat,4294967298" "c,2" "missing.dat,2"; do
    case_ "column suffix $token" no -V0 -o out.ros "$token"
    case_ "column suffix $token with -c2" no -V0 -c2 -o out.ros "$token"
done
# Zero and out-of-range values.
for option in -c0 -m0 -d0 "-d0 -m1" "-d0 -m3" "-m0 -s3" -t0 -s0 -m4294967297 -m4294967298 -l18446744073709551615 -l4294967296 \
              -x18446744073709551617 -x4294967296 -c4294967297 -s4294967296 -s4294967298 -d4294967297 -t4294967296 -V4294967296 -l0; do
    # shellcheck disable=SC2086
    case_ "value $option" no -V0 $option -o out.ros series.dat
done
case_ "-m0 on a series shorter than -s" no -V0 -m0 -o out.ros short.dat
case_ "-d0 with -s beyond the series" no -V0 -d0 -s100 -o out.ros series.dat
# What happens to an existing output file on each failure.
for input in const.dat text.dat short.dat nan.dat nonl.dat spaces.dat series.dat; do
    case_ "existing output, $input" yes -V0 -o out.ros "$input"
done
case_ "existing output, -m0 on a constant series" yes -V0 -m0 -o out.ros const.dat
# A last line without newline.
for option in "" -l49 -l50 -x48 -x50 -x60 -c2; do
    # shellcheck disable=SC2086
    case_ "no final newline $option" no -V0 $option -o out.ros nonl.dat
done
case_ "no final newline, blanks on the last line" no -V0 -o out.ros spaces.dat
echo "$n cases"
