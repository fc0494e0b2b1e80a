function le = exponent_from_slopes(d, i)
% EXPONENT_FROM_SLOPES  The script's exponent from a lyap_r curve D: slopes over
%   [0.75,1], [0.5,0.6], [0.25,0.75] by interp1, rounded to 6 decimals; s2 if
%   s2 == s3, else s4 if s3 == s4 or s2 == s4, else 0 ("Slope not matching at I").
  y = @(t) interp1(d(:, 1), d(:, 2), t);
  s2 = round((y(1) - y(0.75)) / (1 - 0.75), 6);
  s3 = round((y(0.6) - y(0.5)) / (0.6 - 0.5), 6);
  s4 = round((y(0.75) - y(0.25)) / (0.75 - 0.25), 6);
  if s2 == s3
    le = s2;
  elseif s3 == s4 || s2 == s4
    le = s4;
  else
    le = 0;
    fprintf('Slope not matching at %d\n', i);
  end
end
