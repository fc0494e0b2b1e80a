function y = round(x, n)
% ROUND  Octave shim for MATLAB's round(x, n): round(x * 10^n) / 10^n, half
%   away from zero (Octave's built-in round only takes one argument).
  if nargin < 2
    y = builtin('round', x);
  else
    y = builtin('round', x .* 10.^n) ./ 10.^n;
  end
end
