function LE = window_LE(weights_csv, out_csv, window, overlap, lyap_r)
% WINDOW_LE  Windowed maximal Lyapunov exponents, the older (legacy) script.
%   Like LE_window but with no gate, lyap_r -s20, windows of 200 rows with
%   overlap 0.1 (step 180) by default, as many complete windows as fit, and
%   the result transposed: one row per weight, one column per window.
%   A window whose curve has fewer than two rows gets 0 with a warning
%   (MATLAB's interp1 fails there in the original).
%
%   Written for chaosprune from its behavioural spec of the original window_LE.m.
  if nargin < 3 || isempty(window), window = 200; end
  if nargin < 4 || isempty(overlap), overlap = 0.1; end
  if nargin < 5 || isempty(lyap_r), lyap_r = 'lyap_r'; end
  if exist('OCTAVE_VERSION', 'builtin')
    warning('off', 'Octave:shadowed-function');
    addpath(fullfile(fileparts(mfilename('fullpath')), 'octave-shims'));
  end
  X = csvread(weights_csv);
  [rows, weights] = size(X);
  step = window * (1 - overlap);
  windows = 0;
  for i = 0:floor(rows / step) - 1
    if step * i + window <= rows, windows = windows + 1; end
  end
  series_file = [tempname() '.dat'];
  curve_file = [tempname() '_lyap.dat'];
  LE = zeros(weights, windows);
  static_windows = 0;
  for m = 1:weights
    for i = 0:windows - 1
      x = X(step * i + 1 : step * (i + 1) + window * overlap, m);
      fid = fopen(series_file, 'w');
      fprintf(fid, '%f\n', x);
      fclose(fid);
      if exist(curve_file, 'file'), delete(curve_file); end
      system(sprintf('%s -m2 -r20 -d1 -s20 -V0 -o %s %s', lyap_r, curve_file, series_file));
      d = zeros(0, 2);
      fid = fopen(curve_file, 'r');
      if fid >= 0
        d = fscanf(fid, '%f %f', [2 Inf])';
        fclose(fid);
      end
      if size(d, 1) < 2
        static_windows = static_windows + 1;
        warning('window_LE: weight %d, window %d: lyap_r curve has fewer than two rows; exponent 0', m, i);
        continue;
      end
      y = @(t) interp1(d(:, 1), d(:, 2), t);
      s2 = round((y(1) - y(0.75)) / (1 - 0.75), 6);
      s3 = round((y(0.6) - y(0.5)) / (0.6 - 0.5), 6);
      s4 = round((y(0.75) - y(0.25)) / (0.75 - 0.25), 6);
      if s2 == s3
        LE(m, i + 1) = s2;
      elseif s3 == s4 || s2 == s4
        LE(m, i + 1) = s4;
      else
        fprintf('Slope not matching at %d\n', i);
      end
    end
  end
  fprintf('No. of static windows : %d\n', static_windows);
  if exist(series_file, 'file'), delete(series_file); end
  if exist(curve_file, 'file'), delete(curve_file); end
  fid = fopen(out_csv, 'w');
  for r = 1:size(LE, 1)
    fprintf(fid, '%.5g', LE(r, 1));
    fprintf(fid, ',%.5g', LE(r, 2:end));
    fprintf(fid, '\n');
  end
  fclose(fid);
end
