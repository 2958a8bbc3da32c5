//! The command line: every subcommand and flag, parsed by clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Finds who claims what across many documents and reports where positions conflict.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, max_term_width = 100)]
pub struct Cli {
    /// Options every command shares.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command shares.
#[derive(Debug, Args)]
pub struct Global {
    /// Add a rule pack file or folder (repeatable), loaded after the default packs and the
    /// config's `rules:`.
    #[arg(long = "rules", short = 'r', value_name = "PATH", global = true, help_heading = "Rules")]
    pub rules: Vec<PathBuf>,
    /// Do not load the default packs built into the binary (as config `default-rules: false`).
    #[arg(long, global = true, help_heading = "Rules")]
    pub no_default_rules: bool,
    /// Read this config file instead of the `claimcheck.yaml` found upward.
    #[arg(long, value_name = "FILE", global = true, conflicts_with = "no_config", help_heading = "Rules")]
    pub config: Option<PathBuf>,
    /// Ignore any `claimcheck.yaml`.
    #[arg(long, global = true, help_heading = "Rules")]
    pub no_config: bool,
    /// Threads for reading and extraction [default: one per core].
    #[arg(long, short = 'j', value_name = "N", global = true, help_heading = "Run")]
    pub jobs: Option<usize>,
    /// No progress bar and no timing line on stderr.
    #[arg(long, short = 'q', global = true, help_heading = "Run")]
    pub quiet: bool,
    /// When to colour text output [default: auto: a terminal, unless NO_COLOR is set].
    #[arg(long, value_enum, global = true, help_heading = "Output")]
    pub color: Option<ColorChoice>,
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set or TERM is dumb.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands. Adding one (such as `eval`) is one variant here and one arm in `main`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read documents, extract claims, compare them and report conflicts.
    #[command(after_help = EXIT_STATUS)]
    Check(CheckArgs),
    /// The ledger of who asserts or denies what.
    Claims(ClaimsArgs),
    /// Every decision taken for each sentence of a file or a text.
    Explain(ExplainArgs),
    /// Check, test or list rule packs.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Conflicts from claims extracted elsewhere (`claims --format jsonl`): the reduce step
    /// of a sharded run; gives the same conflicts as one `check` over all the documents.
    #[command(after_help = EXIT_STATUS)]
    Compare(CompareArgs),
    /// Score the tool against gold annotations: precision, recall and F1.
    Eval(EvalArgs),
    /// Write a `claimcheck.yaml` and a starter pack with a fixture into a folder.
    Init(InitArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// The exit statuses, shown under `check --help` and `compare --help`.
const EXIT_STATUS: &str = "Exit status:
  0  no conflict at or above --fail-on (or --write-baseline was given)
  1  a conflict at or above --fail-on
  2  bad usage, config, rule pack or baseline; an input problem under --strict; no input readable";

/// Input options shared by `check` and `claims`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files or folders to read (`-` for standard input).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Read invalid UTF-8 with replacement characters instead of skipping the document
    /// [default: off, or `lossy:` in claimcheck.yaml].
    #[arg(long)]
    pub lossy: bool,
    /// CSV columns as `field=column,…` (fields: text, source, published, title, id, url),
    /// e.g. `text=article_content,source=source,published=date` [default: the column of
    /// each field's name, or `csv:` in claimcheck.yaml].
    #[arg(long, value_name = "MAP")]
    pub csv_map: Option<String>,
    /// Skip files larger than N bytes [default: 1073741824 (1 GiB), or `max-file-bytes:`
    /// in claimcheck.yaml].
    #[arg(long, value_name = "N")]
    pub max_file_bytes: Option<u64>,
    /// Exit 2 after the run when any input was skipped or warned about.
    #[arg(long, help_heading = "Run")]
    pub strict: bool,
    /// Write the report to FILE (atomically, with the umask's permissions) instead of
    /// standard output.
    #[arg(long, short = 'o', value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
}

/// `claimcheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Report format, gate and baseline.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// How conflicts are reported and gated: shared by `check` and `compare`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Report format [default: text, or `format:` in claimcheck.yaml].
    #[arg(long, short = 'f', value_enum, help_heading = "Output")]
    pub format: Option<report::Format>,
    /// Most bytes of a Markdown report; conflicts past it are folded into one "N more" line
    /// (the default fits a GitHub pull-request comment).
    #[arg(long, value_name = "N", default_value_t = report::DEFAULT_MAX_BYTES, help_heading = "Output")]
    pub max_bytes: usize,
    /// Exit 1 when a conflict at or above this severity is reported [default: error, or
    /// `fail-on:` in claimcheck.yaml].
    #[arg(long, value_enum, help_heading = "Run")]
    pub fail_on: Option<FailOn>,
    /// Hide conflicts whose fingerprint is listed in FILE, and list the entries no longer
    /// found [default: `baseline:` in claimcheck.yaml].
    #[arg(long, value_name = "FILE", help_heading = "Run")]
    pub baseline: Option<PathBuf>,
    /// Write the fingerprints of the conflicts found to FILE, for `--baseline`; the run then
    /// exits 0 whatever it found.
    #[arg(long, value_name = "FILE", help_heading = "Run")]
    pub write_baseline: Option<PathBuf>,
}

/// The lowest severity that fails a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Notes, warnings and errors fail.
    Note,
    /// Nothing fails.
    Never,
}

/// `claimcheck claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Ledger format.
    #[arg(long, short = 'f', value_enum, default_value_t = report::ClaimFormat::Table)]
    pub format: report::ClaimFormat,
}

/// `claimcheck compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Claims files, one JSON claim a line (`-` for standard input).
    #[arg(value_name = "CLAIMS.jsonl", required = true)]
    pub files: Vec<PathBuf>,
    /// Write the report to FILE (atomically, with the umask's permissions) instead of
    /// standard output.
    #[arg(long, short = 'o', value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Report format, gate and baseline.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Exit 2 after the run when any line could not be read as a claim.
    #[arg(long, help_heading = "Run")]
    pub strict: bool,
}

/// `claimcheck eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold annotations (documents listed relative to the corpus folder).
    #[arg(long, value_name = "FILE", required_unless_present = "polnear", conflicts_with = "polnear")]
    pub gold: Option<PathBuf>,
    /// Score attributions (cue, speaker) on a PolNeAR split folder (`text/`, `attributions/`)
    /// instead of claims on a gold file.
    #[arg(long, value_name = "DIR")]
    pub polnear: Option<PathBuf>,
    /// With --polnear and the text format: list every miss and false positive after the table.
    #[arg(long, requires = "polnear")]
    pub errors: bool,
    /// Minimum figures; exit 1 when any score is below its floor.
    #[arg(long, value_name = "FILE")]
    pub floor: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Where the gold's documents are: folders holding them under the paths the gold gives
    /// (default: the gold file's folder), or files whose records the gold names by id (a CSV
    /// with `--csv-map`). A missing input or a listed document no input holds is an error.
    #[arg(value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// CSV columns as `field=column,…` (fields: text, source, published, title, id, url).
    #[arg(long, value_name = "MAP")]
    pub csv_map: Option<String>,
    /// Read invalid UTF-8 with replacement characters instead of skipping the document.
    #[arg(long)]
    pub lossy: bool,
}

/// Score formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Tables, misses and false positives, for people.
    Text,
    /// One JSON object.
    Json,
}

/// `claimcheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The file to explain.
    #[arg(value_name = "FILE", required_unless_present = "text", conflicts_with = "text")]
    pub file: Option<PathBuf>,
    /// Explain this text instead of a file.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Publication date of the text (YYYY-MM-DD), to resolve relative dates.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// Explanation formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// For people.
    Text,
    /// JSON array of explanations.
    Json,
}

/// `claimcheck rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Load and compile packs; report every error with file:line:col.
    Check(RulesPaths),
    /// Run `*.test.yaml` fixtures: the claims each text must and must not yield.
    Test(RulesPaths),
    /// List the propositions and value frames the packs define, or (`--sources`) which
    /// packs are loaded, from where, and which config file is in force.
    List(ListArgs),
}

/// Packs or fixtures to work on.
#[derive(Debug, Args)]
pub struct RulesPaths {
    /// Pack or fixture files or folders, added to the default packs (fixtures run by
    /// default: those under the packs on disk, else the built-in ones).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// `claimcheck rules list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Pack files or folders to add to the default packs.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// List the config file in force and every pack file with where it was named
    /// (built-in, config, --rules, argument) instead of what the packs define.
    #[arg(long)]
    pub sources: bool,
}

/// `claimcheck init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write into.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// `claimcheck completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
