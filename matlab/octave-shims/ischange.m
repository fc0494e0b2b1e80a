function tf = ischange(x, method)
% ISCHANGE  Octave shim for MATLAB's ischange(x, 'mean'): change points of an
%   exact penalised optimal segmentation. Cost of a segment = sum of squared
%   deviations from its mean; penalty 1 per change point (MATLAB's default
%   Threshold). TF(k) is true where a new segment starts.
%   Arithmetic as chaosprune's spec: prefix sums left to right, first minimum kept.
  if nargin < 2 || ~strcmp(method, 'mean')
    error('ischange shim: only ischange(x, ''mean'') is provided');
  end
  x = x(:);
  n = numel(x);
  s1 = zeros(n + 1, 1);
  s2 = zeros(n + 1, 1);
  for k = 1:n
    s1(k + 1) = s1(k) + x(k);
    s2(k + 1) = s2(k) + x(k) * x(k);
  end
  F = zeros(n + 1, 1);
  F(1) = -1;
  start = zeros(n + 1, 1);
  for t = 1:n
    best = Inf;
    arg = 0;
    for s = 0:t - 1
      m = s1(t + 1) - s1(s + 1);
      value = F(s + 1) + ((s2(t + 1) - s2(s + 1)) - (m * m) / (t - s));
      if value < best
        best = value;
        arg = s;
      end
    end
    F(t + 1) = best + 1;
    start(t + 1) = arg;
  end
  tf = false(n, 1);
  t = n;
  while t > 0
    s = start(t + 1);
    if s > 0, tf(s + 1) = true; end
    t = s;
  end
end
