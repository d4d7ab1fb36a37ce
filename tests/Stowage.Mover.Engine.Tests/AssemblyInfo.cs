// The engine backs up POSIX file systems; its tests create symlinks, hard links and modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
