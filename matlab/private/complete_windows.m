function [windows, step] = complete_windows(rows, window, overlap)
% COMPLETE_WINDOWS  Windows of WINDOW rows starting every step = WINDOW*(1-OVERLAP)
%   rows that fit in ROWS rows: of the floor(ROWS/step) the script loops over,
%   those whose last row exists (the original stops with an index error at the first that does not).
  step = window * (1 - overlap);
  windows = 0;
  for i = 0:floor(rows / step) - 1
    if step * i + window <= rows, windows = windows + 1; end
  end
end
