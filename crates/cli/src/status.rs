//! Exit statuses: what CI reads.

use std::process::ExitCode;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing at or above `--fail-on`; or a command that succeeded.
    Ok,
    /// Conflicts found (`check`), fixtures failed (`rules test`).
    Conflicts,
    /// Bad usage, config or rules; unreadable input; input problems under `--strict`.
    Usage,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Ok => ExitCode::SUCCESS,
            Status::Conflicts => ExitCode::from(1),
            Status::Usage => ExitCode::from(2),
        }
    }
}
