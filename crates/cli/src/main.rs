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

use args::{Cli, Command, RulesCommand};
use clap::{CommandFactory, Parser};
use output::{emit, note};
use status::Status;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
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

fn run(cli: &Cli) -> anyhow::Result<Status> {
    let global = &cli.global;
    let mut text = String::new();
    let status = match &cli.command {
        Command::Check(args) => return check::check(args, global),
        Command::Claims(args) => return check::claims(args, global),
        Command::Explain(args) => return explain::explain(args, global),
        Command::Rules(RulesCommand::Check(args)) => rules_cmd::check(args, global, &mut text)?,
        Command::Rules(RulesCommand::Test(args)) => rules_cmd::test(args, global, &mut text)?,
        Command::Rules(RulesCommand::List(args)) => rules_cmd::list(args, global, &mut text)?,
        Command::Compare(args) => return compare_cmd::compare(args, global),
        Command::Eval(args) => return eval_cmd::eval(args, global),
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
