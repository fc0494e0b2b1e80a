#!/usr/bin/env bash
# Runs the authors' own window_LE.m on weights.csv and compares it with
# legacy_window_LE_w60.csv: how the fixture was confirmed (not part of CI: it
# needs the authors' repository and a TISEAN lyap_r).
#
#   authors-script-check.sh PATH-TO-authors-window_LE.m PATH-TO-TISEAN-lyap_r-FOLDER
#
# The script is adapted only where it cannot run elsewhere: its Windows paths
# (this folder), 4 windows of 60 rows with step 54 instead of 170 of 200/180,
# csvwrite's path concatenation, and Octave's needs (functions first, the
# repository's matlab/octave-shims for round(x, 6)). Octave's csvwrite prints
# more digits than MATLAB's (%.5g); the values are printed with %.5g before the
# comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shims=$(cd "$here/../../../../matlab/octave-shims" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/weights.csv" "$work/"
sed -e 's|^wpath = .*|wpath = ".";|' -e 's|^fullFileName = .*|fullFileName = "weights.csv";|' \
    -e 's|csvfilename = "\\\\window_LE_"+num2str(2)+".csv";|csvfilename = "/authors_window_LE.csv";|' \
    -e 's|for i = 0:169|for i = 0:3|' -e 's|x = timeseries(180\*i+1:180\*(i+1)+20.0);|x = timeseries(54*i+1:54*(i+1)+6);|' \
    -e 's|csvwrite(wpath+csvfilename,LE);|csvwrite(strcat(wpath, csvfilename),LE);|' "$1" > "$work/adapted.m"
python3 - "$work/adapted.m" "$work/run.m" "$shims" <<'PY'
import sys
source = open(sys.argv[1]).read()
split = source.index("\nfunction ")
main = source[:split].replace("close all;", "").replace("clear all;", "")
open(sys.argv[2], "w").write('1;\naddpath("%s");\n' % sys.argv[3] + source[split:] + "\n" + main + "\n")
PY
(cd "$work" && PATH="$2:$PATH" octave-cli --no-gui --quiet run.m > /dev/null 2>&1)
python3 - "$work/authors_window_LE.csv" "$work/authors_5g.csv" <<'PY'
import sys
rows = [line.strip().split(",") for line in open(sys.argv[1])]
open(sys.argv[2], "w").write("".join(",".join("%.5g" % float(v) for v in row) + "\n" for row in rows))
PY
cmp "$work/authors_5g.csv" "$here/legacy_window_LE_w60.csv" && echo "the authors' window_LE.m gives legacy_window_LE_w60.csv"
