function delete_if_present(name)
% DELETE_IF_PRESENT  Deletes NAME when it exists.
  if exist(name, 'file'), delete(name); end
end
