function d = lyap_r_curve(lyap_r, x, steps, series_file, curve_file, reuse_curve_file)
% LYAP_R_CURVE  Writes X with %f to SERIES_FILE, runs lyap_r -m2 -r20 -d1 -sSTEPS
%   on it, and reads its output rows [iteration, value] (0 rows when lyap_r wrote none).
%   With REUSE_CURVE_FILE true the curve file is not deleted first, as the
%   authors' window_LE.m reuses one scratch file: where lyap_r stops before
%   writing (a window constant after %f: exit 11), the previous call's curve
%   is read again.
  fid = fopen(series_file, 'w');
  fprintf(fid, '%f\n', x);
  fclose(fid);
  if nargin < 6 || ~reuse_curve_file
    if exist(curve_file, 'file'), delete(curve_file); end
  end
  system(sprintf('%s -m2 -r20 -d1 -s%d -V0 -o %s %s', lyap_r, steps, curve_file, series_file));
  d = zeros(0, 2);
  fid = fopen(curve_file, 'r');
  if fid >= 0
    d = fscanf(fid, '%f %f', [2 Inf])';
    fclose(fid);
  end
end
