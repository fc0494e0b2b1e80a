function d = lyap_r_curve(lyap_r, x, steps, series_file, curve_file)
% LYAP_R_CURVE  Writes X with %f to SERIES_FILE, runs lyap_r -m2 -r20 -d1 -sSTEPS
%   on it, and reads its output rows [iteration, value] (0 rows when lyap_r wrote none).
  fid = fopen(series_file, 'w');
  fprintf(fid, '%f\n', x);
  fclose(fid);
  if exist(curve_file, 'file'), delete(curve_file); end
  system(sprintf('%s -m2 -r20 -d1 -s%d -V0 -o %s %s', lyap_r, steps, curve_file, series_file));
  d = zeros(0, 2);
  fid = fopen(curve_file, 'r');
  if fid >= 0
    d = fscanf(fid, '%f %f', [2 Inf])';
    fclose(fid);
  end
end
