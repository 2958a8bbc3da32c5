//! Where output goes: standard output, or a file replaced atomically; and whether to colour.

use crate::args::ColorChoice;
use anyhow::{Context, Result};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees half a report and a failed run leaves any old file as it was. The file
/// gets the permissions any new file gets (0666 less the umask: 0644 under umask 022), not the
/// owner-only ones of a temporary file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomic`], with the content streamed by `write` rather than held in memory
/// first (a report of a large archive can be gigabytes).
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimcheck-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // open(2) applies the umask to this mode, as for any file a program creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let file =
        builder.tempfile_in(dir).with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let cannot_write = || format!("cannot write {}", path.display());
    let mut out = BufWriter::new(file);
    write(&mut out).and_then(|()| out.flush()).with_context(cannot_write)?;
    let file = out.into_inner().map_err(|e| e.into_error()).with_context(cannot_write)?;
    file.persist(path).map_err(|e| e.error).with_context(cannot_write)?;
    Ok(())
}

/// Writes `bytes` to `output` atomically, or to standard output.
pub fn emit(bytes: &[u8], output: Option<&Path>) -> Result<()> {
    emit_with(output, |out| out.write_all(bytes))
}

/// Streams what `write` produces to `output` atomically, or to standard output, buffered.
pub fn emit_with(output: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match output {
        Some(path) => write_atomic_with(path, write),
        None => {
            let mut stdout = BufWriter::new(std::io::stdout().lock());
            write(&mut stdout)?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// Whether text output to standard output gets ANSI colour.
pub fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            !to_file && !no_color && !dumb && std::io::stdout().is_terminal()
        }
    }
}

/// A line on standard error; a closed stderr is not worth failing for.
pub fn note(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

/// An error whose text already names its place and says `error:` on each line it reports
/// (`path:line:col: error: …`); printed as it is, never with a second `error:` prefix.
#[derive(Debug)]
pub struct Located(pub String);

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Located {}

/// `1 conflict`, `2 conflicts`.
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}
