function write_csv_5g(name, M)
% WRITE_CSV_5G  M as MATLAB csvwrite writes it: %.5g, commas, \n after every row.
  fid = fopen(name, 'w');
  for r = 1:size(M, 1)
    fprintf(fid, '%.5g', M(r, 1));
    fprintf(fid, ',%.5g', M(r, 2:end));
    fprintf(fid, '\n');
  end
  fclose(fid);
end
