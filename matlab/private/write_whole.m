function write_whole(name, text)
% WRITE_WHOLE  Writes TEXT to NAME whole or not at all: into a temporary file
%   beside NAME, every byte and the close checked, then renamed over NAME.
%   Stops with an error naming the file when it cannot be opened, written or
%   closed (a missing folder, a full disk, a file-size limit); NAME is then
%   as it was and no temporary file is left.
  temporary = [name '.' num2str(getpid()) '.tmp'];
  [fid, message] = fopen(temporary, 'w');
  if fid < 0
    error('write_whole:open', '%s: cannot be written: %s', name, message);
  end
  count = fwrite(fid, text, 'char');
  closed = fclose(fid);
  % The size on disk is the judge: a full disk or a file-size limit can cut
  % the file while fwrite and fclose report success (Octave ignores SIGXFSZ).
  written = dir(temporary);
  if isempty(written), size_on_disk = 0; else, size_on_disk = written(1).bytes; end
  if count ~= numel(text) || closed ~= 0 || size_on_disk ~= numel(text)
    delete_if_present(temporary);
    error('write_whole:write', '%s: cannot be written: %d of %d bytes reached the file', name, size_on_disk, numel(text));
  end
  [moved, message] = movefile(temporary, name, 'f');
  if ~moved
    delete_if_present(temporary);
    error('write_whole:rename', '%s: cannot be written: %s', name, message);
  end
end
