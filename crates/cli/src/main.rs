//! The `claimcheck` binary: wiring only; every decision lives in the library crates.
//!
//! `main` calls [`run`]; an error is printed and exits 2, a broken pipe is success.

mod args;
mod baseline;
mod check;
mod compare_cmd;
mod config;
mod eval_cmd;
mod explain;
mod init;
mod output;
mod packs;
mod pipeline;
mod rules_cmd;
mod status;
mod suppress;

use args::{Cli, Command, RulesCommand};
use clap::{CommandFactory, Parser};
use output::{emit, note};
use status::Status;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the engine makes and drops many small strings
/// and vectors per sentence, and glibc's malloc and free were a tenth of a `check`'s
/// instructions (BENCHMARKS.md, issue 18). Allocation decides no output.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let command = match Cli::parse().into_command() {
        Ok(command) => command,
        Err(message) => Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit(),
    };
    match run(&command) {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            match err.downcast_ref::<output::Located>() {
                Some(located) => note(&located.0),
                None => note(&format!("error: {err:#}")),
            }
            Status::Usage.into()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

fn run(command: &Command) -> anyhow::Result<Status> {
    let mut text = String::new();
    let status = match command {
        Command::Check(args) => return check::check(args),
        Command::Claims(args) => return check::claims(args),
        Command::Explain(args) => return explain::explain(args),
        Command::Rules(RulesCommand::Check(args)) => rules_cmd::check(args, &mut text)?,
        Command::Rules(RulesCommand::Test(args)) => rules_cmd::test(args, &mut text)?,
        Command::Rules(RulesCommand::List(args)) => rules_cmd::list(args, &mut text)?,
        Command::Rules(RulesCommand::Schema(args)) => {
            text = match args.file {
                args::SchemaFile::Pack => pack::schema::pack_json_schema(),
                args::SchemaFile::Fixture => pack::schema::fixture_json_schema(),
                args::SchemaFile::Config => config::json_schema(),
            };
            Status::Ok
        }
        Command::Compare(args) => return compare_cmd::compare(args),
        Command::Eval(args) => return eval_cmd::eval(args),
        Command::Init(args) => init::init(&args.dir, &mut text)?,
        Command::Completions(args) => {
            let mut bytes = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "claimcheck", &mut bytes);
            emit(&bytes, None)?;
            return Ok(Status::Ok);
        }
    };
    emit(text.as_bytes(), None)?;
    Ok(status)
}
