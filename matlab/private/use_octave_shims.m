function use_octave_shims()
% USE_OCTAVE_SHIMS  Under GNU Octave, puts ischange(x,'mean') and round(x,n)
%   (octave-shims/) on the path; MATLAB has both built in.
  if exist('OCTAVE_VERSION', 'builtin')
    warning('off', 'Octave:shadowed-function');
    addpath(fullfile(fileparts(fileparts(mfilename('fullpath'))), 'octave-shims'));
  end
end
