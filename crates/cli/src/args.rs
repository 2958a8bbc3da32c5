//! The command line: every subcommand and flag, parsed by clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Finds who claims what across many documents and reports where positions conflict.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, max_term_width = 100, after_help = LEAD_HELP)]
pub struct Cli {
    /// Options written before the command.
    #[command(flatten)]
    pub lead: Lead,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

const LEAD_HELP: &str = "Each command's --help lists the options it takes. The options above may come \
before the command too (`claimcheck --quiet check docs/`); given to a command that loads no packs or \
starts no threads, --rules, --config, --no-config, --no-default-rules and --jobs are an error; \
--quiet and --color do nothing where there is no progress or colour.

Exit status: 0 success (no conflict at or above --fail-on); 1 conflicts (check, compare), a score \
below its floor (eval), a failed fixture (rules test); 2 bad usage, config, rule pack or input.";

/// The shared options, as written before the command: each goes to the command that takes it.
#[derive(Debug, Args)]
pub struct Lead {
    /// Where packs and config come from.
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Threads.
    #[command(flatten)]
    pub jobs: JobsOpt,
    /// Progress and timing.
    #[command(flatten)]
    pub quiet: QuietOpt,
    /// Colour.
    #[command(flatten)]
    pub color: ColorOpt,
}

/// Where rule packs and the config come from: for every command that loads packs.
#[derive(Clone, Debug, Default, Args, PartialEq, Eq)]
#[command(next_help_heading = "Rules")]
pub struct RuleOpts {
    /// Add a rule pack file or folder (repeatable), loaded after the default packs and the
    /// config's `rules:`.
    #[arg(long = "rules", short = 'r', value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the default packs built into the binary (as config `default-rules: false`).
    #[arg(long)]
    pub no_default_rules: bool,
    /// Read this config file instead of the `claimcheck.yaml` found upward.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any `claimcheck.yaml`.
    #[arg(long)]
    pub no_config: bool,
}

impl RuleOpts {
    /// Whether any of the options was given.
    fn given(&self) -> bool {
        *self != RuleOpts::default()
    }

    /// Adds `lead` (written before the command) to these (written after it): packs named
    /// first come first; a config named after the command wins.
    fn absorb(&mut self, lead: RuleOpts) {
        let mut rules = lead.rules;
        rules.append(&mut self.rules);
        self.rules = rules;
        self.no_default_rules |= lead.no_default_rules;
        self.no_config |= lead.no_config;
        self.config = self.config.take().or(lead.config);
    }
}

/// How closely sentences are read: for every command that extracts claims.
#[derive(Clone, Copy, Debug, Default, Args)]
#[command(next_help_heading = "Run")]
pub struct FastOpt {
    /// Parse only the sentences that a listed cue, a colon, a closing quotation or a poll
    /// opens, not those holding only a word of the learned cue classifier: about a tenth
    /// less work on news, a few attributions fewer (BENCHMARKS.md gives the figures)
    #[arg(long)]
    pub fast: bool,
}

/// Threads: for every command that runs in a pool.
#[derive(Clone, Copy, Debug, Default, Args)]
#[command(next_help_heading = "Run")]
pub struct JobsOpt {
    /// Threads for reading and extraction [default: one per core].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

/// Progress bar and timing line: for the commands that read inputs.
#[derive(Clone, Copy, Debug, Default, Args)]
#[command(next_help_heading = "Run")]
pub struct QuietOpt {
    /// No progress bar and no timing line on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Colour: for the commands with a coloured text report.
#[derive(Clone, Copy, Debug, Default, Args)]
#[command(next_help_heading = "Output")]
pub struct ColorOpt {
    /// When to colour the text report [default: auto: a terminal, unless NO_COLOR is set].
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
}

impl ColorOpt {
    /// The choice, `auto` when none was given.
    pub fn choice(self) -> ColorChoice {
        self.color.unwrap_or(ColorChoice::Auto)
    }
}

impl Cli {
    /// The command, with the options written before it moved into it; an option that
    /// would change nothing about the command (`--jobs` before `explain`) is an error.
    pub fn into_command(self) -> Result<Command, String> {
        let Cli { lead, mut command } = self;
        let name = command.name();
        let takes = command.takes();
        match takes.rules {
            Some(rules) => rules.absorb(lead.rules),
            None if lead.rules.given() => {
                return Err(format!(
                    "`claimcheck {name}` loads no rule packs: drop --rules, --config, --no-config and --no-default-rules"
                ));
            }
            None => {}
        }
        match takes.jobs {
            Some(jobs) => jobs.jobs = jobs.jobs.or(lead.jobs.jobs),
            None if lead.jobs.jobs.is_some() => {
                return Err(format!("`claimcheck {name}` starts no threads: drop --jobs"));
            }
            None => {}
        }
        if let Some(quiet) = takes.quiet {
            quiet.quiet |= lead.quiet.quiet;
        }
        if let Some(color) = takes.color {
            color.color = color.color.or(lead.color.color);
        }
        Ok(command)
    }
}

/// The shared options a command takes, to fill in from those written before it.
struct Takes<'a> {
    rules: Option<&'a mut RuleOpts>,
    jobs: Option<&'a mut JobsOpt>,
    quiet: Option<&'a mut QuietOpt>,
    color: Option<&'a mut ColorOpt>,
}

impl Command {
    /// The command's name as typed (`rules test`).
    fn name(&self) -> &'static str {
        match self {
            Command::Check(_) => "check",
            Command::Claims(_) => "claims",
            Command::Explain(_) => "explain",
            Command::Rules(RulesCommand::Check(_)) => "rules check",
            Command::Rules(RulesCommand::Test(_)) => "rules test",
            Command::Rules(RulesCommand::List(_)) => "rules list",
            Command::Rules(RulesCommand::Schema(_)) => "rules schema",
            Command::Compare(_) => "compare",
            Command::Eval(_) => "eval",
            Command::Init(_) => "init",
            Command::Completions(_) => "completions",
        }
    }

    fn takes(&mut self) -> Takes<'_> {
        let none = Takes { rules: None, jobs: None, quiet: None, color: None };
        match self {
            Command::Check(a) => Takes {
                rules: Some(&mut a.rules),
                jobs: Some(&mut a.jobs),
                quiet: Some(&mut a.quiet),
                color: Some(&mut a.color),
            },
            Command::Claims(a) => {
                Takes { rules: Some(&mut a.rules), jobs: Some(&mut a.jobs), quiet: Some(&mut a.quiet), color: None }
            }
            Command::Compare(a) => {
                Takes { rules: Some(&mut a.rules), jobs: Some(&mut a.jobs), quiet: None, color: Some(&mut a.color) }
            }
            Command::Eval(a) => Takes { rules: Some(&mut a.rules), jobs: Some(&mut a.jobs), ..none },
            Command::Explain(a) => Takes { rules: Some(&mut a.rules), ..none },
            Command::Rules(RulesCommand::Check(a) | RulesCommand::Test(a)) => {
                Takes { rules: Some(&mut a.rules), ..none }
            }
            Command::Rules(RulesCommand::List(a)) => Takes { rules: Some(&mut a.rules), ..none },
            Command::Rules(RulesCommand::Schema(_)) | Command::Init(_) | Command::Completions(_) => none,
        }
    }
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
    #[command(after_help = EVAL_EXIT_STATUS)]
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

/// The exit statuses of `eval`.
const EVAL_EXIT_STATUS: &str = "Exit status:
  0  every score at or above its floor (or no --floor given)
  1  a score below its floor
  2  bad usage, config, rule pack, gold file or floor file; a document the gold lists not found";

/// The exit statuses of `rules check`.
const RULES_CHECK_EXIT_STATUS: &str = "Exit status:
  0  every pack (and fixture named) loads
  2  a pack or fixture error, each reported with file:line:col";

/// The exit statuses of `rules test`.
const RULES_TEST_EXIT_STATUS: &str = "Exit status:
  0  every fixture case passed (failures marked `todo: true` aside)
  1  a fixture case failed
  2  a pack or fixture error, each reported with file:line:col";

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
    /// Leave out paths matching GLOB (gitignore syntax, repeatable) when walking folders;
    /// added to `exclude:` in claimcheck.yaml.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Also read files that .gitignore, .ignore or a hidden name would leave out.
    #[arg(long)]
    pub no_ignore: bool,
    /// Exit 2 after the run when any input was skipped or warned about.
    #[arg(long, help_heading = "Run")]
    pub strict: bool,
    /// Read standard input (`-`) as if it were the file NAME: its format from NAME's
    /// extension, NAME as its path in evidence. A shard piped in (`… | claimcheck claims -
    /// --stdin-name corpus.jsonl`) then yields the claims a run over that file would.
    #[arg(long, value_name = "NAME")]
    pub stdin_name: Option<String>,
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
    /// Colour of the text report.
    #[command(flatten)]
    pub color: ColorOpt,
    /// Packs and config.
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Threads.
    #[command(flatten)]
    pub jobs: JobsOpt,
    /// Progress and timing.
    #[command(flatten)]
    pub quiet: QuietOpt,
    /// Fast reading.
    #[command(flatten)]
    pub fast: FastOpt,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize, schemars::JsonSchema)]
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
    #[arg(long, short = 'f', value_enum, default_value_t = report::ClaimFormat::Table, help_heading = "Output")]
    pub format: report::ClaimFormat,
    /// Packs and config.
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Threads.
    #[command(flatten)]
    pub jobs: JobsOpt,
    /// Progress and timing.
    #[command(flatten)]
    pub quiet: QuietOpt,
    /// Fast reading.
    #[command(flatten)]
    pub fast: FastOpt,
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
    /// Colour of the text report.
    #[command(flatten)]
    pub color: ColorOpt,
    /// Exit 2 after the run when any line could not be read as a claim.
    #[arg(long, help_heading = "Run")]
    pub strict: bool,
    /// Packs (for the severities of `checks:` and the subjects) and config.
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Threads.
    #[command(flatten)]
    pub jobs: JobsOpt,
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
    /// A cue classifier written by the trainer (`cargo run -p eval --example cue_model --
    /// --out FILE`) used instead of the embedded one, to measure a retrain without rebuilding.
    #[arg(long, value_name = "FILE")]
    pub cue_model: Option<PathBuf>,
    /// A veto written by its trainer (`--example veto_model -- --out FILE`) used instead of
    /// the embedded one.
    #[arg(long, value_name = "FILE")]
    pub veto_model: Option<PathBuf>,
    /// A syntax model written by its trainer (`cargo run -p syntax --example train -- --out
    /// FILE`, see train/README.md) used instead of the embedded tagger and parser.
    #[arg(long, value_name = "FILE")]
    pub syntax_model: Option<PathBuf>,
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
    /// Packs and config.
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Threads.
    #[command(flatten)]
    pub jobs: JobsOpt,
    /// Fast reading.
    #[command(flatten)]
    pub fast: FastOpt,
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
    /// Packs and config.
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Fast reading.
    #[command(flatten)]
    pub fast: FastOpt,
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
    #[command(after_help = RULES_CHECK_EXIT_STATUS)]
    Check(RulesPaths),
    /// Run `*.test.yaml` fixtures: the claims each text must and must not yield.
    #[command(after_help = RULES_TEST_EXIT_STATUS)]
    Test(RulesPaths),
    /// List the propositions and value frames the packs define, or (`--sources`) which
    /// packs are loaded, from where, and which config file is in force.
    List(ListArgs),
    /// Print the JSON Schema of a pack, a fixture file or claimcheck.yaml (generated from
    /// the types that read them; committed under rules/schema/ for editors).
    Schema(SchemaArgs),
}

/// `claimcheck rules schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum)]
    pub file: SchemaFile,
}

/// Files with a JSON Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// A rule pack (`*.yaml`).
    Pack,
    /// A rule fixture (`*.test.yaml`).
    Fixture,
    /// `claimcheck.yaml`.
    Config,
}

/// Packs or fixtures to work on.
#[derive(Debug, Args)]
pub struct RulesPaths {
    /// Pack or fixture files or folders, added to the default packs (fixtures run by
    /// default: those under the packs on disk, else the built-in ones).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Packs and config.
    #[command(flatten)]
    pub rules: RuleOpts,
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
    /// Packs and config.
    #[command(flatten)]
    pub rules: RuleOpts,
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
