function LE = LE_window(weights_csv, out_csv, window, overlap, lyap_r)
% LE_WINDOW  Windowed maximal Lyapunov exponents of every weight (current script).
%   LE_window(WEIGHTS_CSV, OUT_CSV) reads the weights CSV (rows = training steps,
%   columns = weights), cuts each weight's trajectory into windows of WINDOW rows
%   overlapping by OVERLAP (defaults 50 and 0.1), and writes the exponents to
%   OUT_CSV: one row per window, one column per weight, each number as %.5g.
%   A window is static (exponent 0) when ischange(x,'mean') finds a change point
%   or its range is below 1e-5; otherwise it is written with %f, TISEAN lyap_r
%   runs with -m2 -r20 -d1 -s3, and the exponent is taken from four slopes of
%   its curve. LYAP_R names the lyap_r executable (default 'lyap_r' on the PATH;
%   chaosprune's lyap_r is a drop-in). Windows that would run past the last row
%   are dropped (the original script stops with an index error there).
%
%   Written for chaosprune from its behavioural spec of the original LE_window.m.
  if nargin < 3 || isempty(window), window = 50; end
  if nargin < 4 || isempty(overlap), overlap = 0.1; end
  if nargin < 5 || isempty(lyap_r), lyap_r = 'lyap_r'; end
  use_octave_shims();
  X = csvread(weights_csv);
  [rows, weights] = size(X);
  [windows, step] = complete_windows(rows, window, overlap);
  if windows < floor(rows / step)
    fprintf('LAST WINDOW RUNS PAST THE DATA: the original script stops here\n');
  end
  series_file = [tempname() '.dat'];
  curve_file = [tempname() '_lyap.dat'];
  scratch = onCleanup(@() cellfun(@delete_if_present, {series_file, curve_file}));
  LE = zeros(windows, weights);
  static_windows = 0;
  for m = 1:weights
    for i = 0:windows - 1
      x = X(step * i + 1 : step * (i + 1) + window * overlap, m);
      if ~any(ischange(x, 'mean')) && (max(x) - min(x)) >= 1e-5
        d = lyap_r_curve(lyap_r, x, 3, series_file, curve_file);
        if size(d, 1) <= 1
          static_windows = static_windows + 1;
        else
          LE(i + 1, m) = exponent_from_slopes(d, i);
        end
      else
        static_windows = static_windows + 1;
        fprintf('Weights unvarying at : weight:%d, window:%d\n', m, i);
      end
    end
  end
  fprintf('No. of static windows : %d\n', static_windows);
  write_csv_5g(out_csv, LE);
end
