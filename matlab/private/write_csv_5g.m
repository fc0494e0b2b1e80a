function write_csv_5g(name, M)
% WRITE_CSV_5G  M as MATLAB csvwrite writes it: %.5g, commas, \n after every
%   row; written whole or not at all (write_whole).
  text = '';
  for r = 1:size(M, 1)
    text = [text sprintf('%.5g', M(r, 1)) sprintf(',%.5g', M(r, 2:end)) sprintf('\n')];
  end
  write_whole(name, text);
end
