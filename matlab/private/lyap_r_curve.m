function d = lyap_r_curve(lyap_r, x, steps, series_file, curve_file, reuse_curve_file)
% LYAP_R_CURVE  Writes X with %f to SERIES_FILE, runs lyap_r -m2 -r20 -d1 -sSTEPS
%   on it, and reads its output rows [iteration, value] (0 rows when lyap_r wrote none).
%   With REUSE_CURVE_FILE true the curve file is not deleted first, as the
%   authors' window_LE.m reuses one scratch file: where lyap_r stops before
%   writing (a window constant after %f: exit 11), the previous call's curve
%   is read again.
%   Stops with an error when lyap_r cannot be run (the shell's 126 and 127: not
%   on the PATH, not executable) or fails on its inputs or output; its own data
%   statuses go on as the original does: 11 (constant after %f), 22 (series too
%   short) and 23 (no neighbour at any radius: chaosprune's lyap_r; TISEAN's loops).
  write_whole(series_file, sprintf('%f\n', x));
  if nargin < 6 || ~reuse_curve_file
    if exist(curve_file, 'file'), delete(curve_file); end
  end
  command = sprintf('%s -m2 -r20 -d1 -s%d -V0 -o %s %s', shell_quoted(lyap_r), steps, shell_quoted(curve_file), shell_quoted(series_file));
  [status, output] = system([command ' 2>&1']);
  if ~any(status == [0 11 22 23])
    if status == 126 || status == 127
      reason = 'cannot be run: put the folder holding lyap_r first on the PATH (swift build -c release; PATH=$PWD/.build/release:$PATH) or pass its full path as the last argument';
    else
      reason = sprintf('exited %d', status);
    end
    error('lyap_r_curve:failed', '%s: %s\n%s', command, reason, strtrim(output));
  end
  d = zeros(0, 2);
  fid = fopen(curve_file, 'r');
  if fid >= 0
    d = fscanf(fid, '%f %f', [2 Inf])';
    fclose(fid);
  end
end
