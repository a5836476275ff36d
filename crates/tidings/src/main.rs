//! `tidings`: parses the command line, opens the store, runs one command.
//!
//! Everything the commands do lives in the library crates; this binary only
//! wires them together and turns failures into a one-line reason and a
//! non-zero exit, which is what a script needs to stop on a failure.

mod alloc;
mod backup;
mod blogs;
mod cli;
mod config;
mod doctor;
mod export;
mod import;
mod mail;
mod media;
mod passwords;
mod render;
mod serve;
mod theme;
mod users;

use std::process::ExitCode;
use std::time::Duration;

use tidings_store::FileAccess;

use crate::cli::{
    BlogCommand, Cli, Command, ImportCommand, MailCommand, ThemeCommand, TokenCommand, UserCommand,
};

/// mimalloc, with large blocks mapped for themselves (see [`alloc`]).
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

/// Transparent huge pages off for this process. mimalloc takes memory in
/// large aligned regions, which a kernel with THP set to `always` backs with
/// 2 MB pages at the first byte touched: an idle server held 13 MB of heap
/// for 4 MB of data (30 MB resident instead of 19).
/// A blog server's heap is small enough that fewer TLB misses gain nothing
/// worth that. Failing (an old kernel) costs only the memory.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

fn main() -> ExitCode {
    no_transparent_huge_pages();
    alloc::c_blocks_mapped();
    let config::Loaded { cli, file } = match config::load() {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("tidings: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let serving = matches!(cli.command, Command::Serve(_));
    let access = if serving {
        FileAccess::Mapped
    } else {
        FileAccess::Read
    };
    init_logging(serving);
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if !serving {
        // A command is the process's one job: nothing waits behind its
        // threads, so its SQLite reads need not be handed to other threads
        // (`tidings render` reads every page).
        runtime.on_thread_start(tidings_store::reads_may_block_here);
        // And the thread that runs the command itself (`block_on`).
        tidings_store::reads_may_block_here();
    }
    let runtime = match runtime.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("tidings: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        // These report on the settings and the database; they open
        // nothing first, so they can say what fails to open.
        match &cli.command {
            Command::Config => config::show::run(&file),
            // Files only: no database to open.
            Command::Theme(ThemeCommand::Export(args)) => theme::export(&cli.global.data, args),
            Command::Doctor => doctor::run(&file).await,
            _ => run(cli, access).await,
        }
    });
    // Work still running on the blocking threads (a render past the drain of
    // `serve`) does not hold the process: it ends with it.
    runtime.shutdown_timeout(Duration::from_secs(1));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tidings: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr: the server tells what it does; other commands speak
/// only to warn, so their one-line failure reason stands alone.
/// The database driver's own notices (e.g. PostgreSQL's "already exists,
/// skipping" during migrations) are not news for either.
fn init_logging(serving: bool) {
    use tracing_subscriber::Layer;
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let level = if serving {
        LevelFilter::INFO
    } else {
        LevelFilter::WARN
    };
    let filter = Targets::new()
        .with_default(level)
        .with_target("sqlx", LevelFilter::WARN);
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                // Colours for a person at a terminal; none in a journal,
                // a file or a pipe, where they would be escape codes.
                .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
                .with_target(false)
                .with_filter(filter),
        )
        .with(
            StatementCounter.with_filter(
                Targets::new()
                    .with_target("sqlx::query", LevelFilter::DEBUG)
                    .with_target("tidings_store::read", LevelFilter::DEBUG),
            ),
        )
        .init();
}

/// Counts the one event per statement of sqlx's driver and of the store's
/// SQLite reads for `/metrics`
/// (`tidings_db_statements_total`), without printing them.
struct StatementCounter;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for StatementCounter {
    fn on_event(&self, _: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        tidings_web::count_statement();
    }
}

/// Runs a command that needs the store, opened for `access`.
async fn run(cli: Cli, access: FileAccess) -> anyhow::Result<()> {
    let store = cli.global.open_store(access).await?;
    let result = match cli.command {
        Command::Serve(args) => serve::run(&cli.global, store.clone(), *args).await,
        Command::User(UserCommand::List(args)) => users::list(&store, args).await,
        Command::User(UserCommand::Remove(args)) => users::remove(&store, args).await,
        Command::Token(TokenCommand::List(args)) => users::list_tokens(&store, args).await,
        Command::User(UserCommand::Add(args)) => users::add(&store, args).await,
        Command::User(UserCommand::Password(args)) => users::password(&store, args).await,
        Command::Token(TokenCommand::Create(args)) => users::create_token(&store, args).await,
        Command::Token(TokenCommand::Revoke(args)) => users::revoke_tokens(&store, args).await,
        Command::Blog(BlogCommand::Add(args)) => blogs::add(&store, args).await,
        Command::Blog(BlogCommand::List) => blogs::list(&store).await,
        Command::Import(ImportCommand::Blogger(args)) => {
            import::blogger(&cli.global, &store, args).await
        }
        Command::Import(ImportCommand::Wordpress(args)) => {
            import::wordpress(&cli.global, &store, args).await
        }
        Command::Import(ImportCommand::Tidings(args)) => {
            import::tidings(&cli.global, &store, args).await
        }
        Command::Import(ImportCommand::Markdown(args)) => import::markdown(&store, args).await,
        Command::Export(args) => export::run(&cli.global, &store, args).await,
        Command::Backup(args) => backup::run(&cli.global, &store, args).await,
        Command::Render(args) => render::run(&cli.global, &store, args).await,
        Command::Mail(MailCommand::Test(args)) => mail::test(args).await,
        Command::Config | Command::Doctor | Command::Theme(_) => {
            unreachable!("run by main without a store")
        }
    };
    // A request still running after `serve` drained may hold a database
    // connection; the process does not wait for it for long.
    if tokio::time::timeout(STORE_CLOSE_TIMEOUT, store.close())
        .await
        .is_err()
    {
        tracing::warn!("the database connections were still in use after {STORE_CLOSE_TIMEOUT:?}");
    }
    result
}

const STORE_CLOSE_TIMEOUT: Duration = Duration::from_secs(2);
