function LE = window_LE(weights_csv, out_csv, window, overlap, lyap_r)
% WINDOW_LE  Windowed maximal Lyapunov exponents, the older (legacy) script.
%   Like LE_window but with no gate, lyap_r -s20, windows of 200 rows with
%   overlap 0.1 (step 180) by default, as many complete windows as fit, and
%   the result transposed: one row per weight, one column per window.
%   A window whose curve has fewer than two rows gets 0 with a warning
%   (MATLAB's interp1 fails there in the original). One scratch curve file is
%   reused, as in the original: a window constant after %f (lyap_r exits 11
%   and leaves the file as it was) takes the previous window's curve.
%
%   Written for chaosprune from its behavioural spec of the original window_LE.m.
  if nargin < 3 || isempty(window), window = 200; end
  if nargin < 4 || isempty(overlap), overlap = 0.1; end
  if nargin < 5 || isempty(lyap_r), lyap_r = 'lyap_r'; end
  use_octave_shims();
  X = csvread(weights_csv);
  [rows, weights] = size(X);
  [windows, step] = complete_windows(rows, window, overlap);
  series_file = [tempname() '.dat'];
  curve_file = [tempname() '_lyap.dat'];
  scratch = onCleanup(@() cellfun(@delete_if_present, {series_file, curve_file}));
  LE = zeros(weights, windows);
  static_windows = 0;
  for m = 1:weights
    for i = 0:windows - 1
      x = X(step * i + 1 : step * (i + 1) + window * overlap, m);
      d = lyap_r_curve(lyap_r, x, 20, series_file, curve_file, true);
      if size(d, 1) < 2
        static_windows = static_windows + 1;
        warning('window_LE: weight %d, window %d: lyap_r curve has fewer than two rows; exponent 0', m, i);
      else
        LE(m, i + 1) = exponent_from_slopes(d, i);
      end
    end
  end
  fprintf('No. of static windows : %d\n', static_windows);
  write_csv_5g(out_csv, LE);
end
