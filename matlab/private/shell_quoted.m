function quoted = shell_quoted(text)
% SHELL_QUOTED  TEXT as one word for the shell: in single quotes, each single
%   quote written as '\'' (a path with spaces or quotes stays one argument).
  quoted = ['''' strrep(text, '''', '''\''''') ''''];
end
