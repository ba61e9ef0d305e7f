//! Connecting: the token, the HTTP client, the gateway client with poise, command
//! registration, restarts after failures, and a clean shutdown when `stop` flips.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, anyhow};
use poise::serenity_prelude as serenity;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

use super::access::Access;
use super::events::EventState;
use super::port::DiscordPort;
use super::upload::Downloader;
use super::{Bot, Data, Error};
use crate::config::{self, secret_from_env};
use crate::engine::Engine;

/// The gateway events the bot needs: guilds (channels, threads, roles), guild messages
/// with their content, native poll votes, and voice states (attendance in a voice channel).
pub(crate) fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::MESSAGE_CONTENT
        | serenity::GatewayIntents::GUILD_MESSAGE_POLLS
        | serenity::GatewayIntents::GUILD_VOICE_STATES
}

/// The permissions the bot needs in a server (for the invite URL): view channels, send
/// messages, send messages in threads, create public threads, embed links, attach files,
/// read message history, send polls.
pub const INVITE_PERMISSIONS: u64 = 563_259_191_184_384;

/// The URL that adds the bot to a server with the permissions it needs.
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot+applications.commands&permissions={INVITE_PERMISSIONS}"
    )
}

/// What the connection needs besides the token.
#[derive(Clone)]
struct Settings {
    guild: Option<serenity::GuildId>,
    api_base: Option<String>,
    /// The shards this process holds; `None`: every shard, as Discord recommends.
    shards: Option<crate::domain::shards::ShardRange>,
}

impl Settings {
    fn from_config(c: &config::Discord) -> anyhow::Result<Settings> {
        let guild = match &c.guild_id {
            Some(g) => Some(
                g.trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|g| *g != 0)
                    .map(serenity::GuildId::new)
                    .ok_or_else(|| {
                        anyhow!("[discord] guild_id must be a server id (a number), not \"{g}\"")
                    })?,
            ),
            None => None,
        };
        Ok(Settings {
            guild,
            shards: c.shard_range().map_err(|e| anyhow!("[discord] {e}"))?,
            api_base: c
                .api_base
                .as_ref()
                .map(|b| b.trim_end_matches('/').to_string()),
        })
    }
}

/// Builds the HTTP client. With `api_base`, every REST call and the gateway lookup go
/// there (serenity only honours its proxy with the rate limiter off) and proxy variables
/// are ignored; without it, serenity talks to discord.com with its rate limiter. Either
/// way a request that hangs fails after a minute (the outbox then retries it).
fn http(token: &str, settings: &Settings) -> anyhow::Result<serenity::Http> {
    let mut client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .connect_timeout(Duration::from_secs(15));
    if settings.api_base.is_some() {
        client = client.no_proxy();
    }
    let client = client.build().context("cannot build the HTTP client")?;
    let builder = serenity::HttpBuilder::new(token)
        .default_allowed_mentions(serenity::CreateAllowedMentions::new())
        .client(client);
    let builder = match &settings.api_base {
        Some(base) => builder.proxy(base.clone()).ratelimiter_disabled(true),
        None => builder,
    };
    Ok(builder.build())
}

/// Every gateway event: READY starts the backfill of what was missed; the rest is the
/// event handler's.
async fn on_event(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), Error> {
    if let serenity::FullEvent::Ready { data_about_bot } = event {
        tracing::info!(
            guilds = data_about_bot.guilds.len(),
            invite = %invite_url(data_about_bot.application.id.get()),
            "discord gateway ready"
        );
        // On the engine's runtime: the backfill records what it fetches.
        data.runtime
            .spawn(super::backfill::run(Arc::clone(data), ctx.http.clone()));
    }
    super::events::handle(ctx, event, data).await
}

/// Builds the framework: the commands, the event handler, and registration at READY.
fn framework(bot: Data, guild: Option<serenity::GuildId>) -> poise::Framework<Data, Error> {
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: {
                let mut commands = super::commands::all();
                super::localize::localize(&mut commands);
                commands
            },
            on_error: |e| Box::pin(super::respond::on_error(e)),
            event_handler: |framework, event| {
                Box::pin(on_event(
                    framework.serenity_context,
                    event,
                    framework.user_data,
                ))
            },
            // Nothing the bot sends may ping anyone, whatever the text says.
            allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
            initialize_owners: false,
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let commands = &framework.options().commands;
                let registered = match guild {
                    Some(g) => poise::builtins::register_in_guild(ctx, commands, g).await,
                    None => poise::builtins::register_globally(ctx, commands).await,
                };
                match registered {
                    Ok(()) => tracing::info!(
                        bot = %ready.user.name,
                        commands = commands.len(),
                        scope = if guild.is_some() { "guild" } else { "global" },
                        "discord commands registered"
                    ),
                    // Keep running: the commands registered last time still work.
                    Err(e) => tracing::error!(
                        error = %super::limits::describe(&e),
                        "registering the discord commands failed"
                    ),
                }
                Ok(bot)
            })
        })
        .build()
}

/// What serenity calls for every event. Members' messages, edits and deletions are queued
/// for the engine right here, with nothing awaited: the bot has no prefix commands, and
/// poise's look for one in each message (with its allocations) was about a tenth of the
/// gateway's work in a burst.
/// Everything else (READY's setup, interactions, polls) goes through poise.
struct Gate {
    poise: poise::Framework<Data, Error>,
    bot: Data,
}

#[serenity::async_trait]
impl serenity::Framework for Gate {
    async fn init(&mut self, client: &serenity::Client) {
        self.poise.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        if !super::events::queue(&ctx, &event, &self.bot) {
            self.poise.dispatch(ctx, event).await
        }
    }
}

/// Builds a client and attaches a port on its HTTP client and cache to the engine.
async fn client(bot: &Data, token: &str, settings: &Settings) -> anyhow::Result<serenity::Client> {
    let http = http(token, settings)?;
    let client = serenity::ClientBuilder::new_with_http(http, intents())
        .framework(Gate {
            poise: framework(bot.clone(), settings.guild),
            bot: bot.clone(),
        })
        .await
        .map_err(|e| {
            anyhow!(
                "cannot build the Discord client: {}",
                super::limits::describe(&e)
            )
        })?;
    let port = DiscordPort::new(
        client.http.clone(),
        client.cache.clone(),
        bot.access.clone(),
    );
    bot.engine.attach_port(Arc::new(port));
    Ok(client)
}

pub(super) async fn start(
    engine: Engine,
    config: config::Discord,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    let token = secret_from_env(&config.token_env, "Discord bot token")?;
    let settings = Settings::from_config(&config)?;
    let downloads = Downloader::new(
        settings.api_base.is_some(),
        engine.settings().max_upload_bytes,
    )?;
    let (gateway_done_tx, gateway_done) = oneshot::channel();
    let (ingest, drained) = super::ingest::spawn(engine.clone(), gateway_done)?;
    let bot: Data = Arc::new(Bot {
        engine,
        access: Arc::new(Access::new(config.facilitator_role.clone())),
        downloads,
        events: EventState::default(),
        ingest,
        runtime: tokio::runtime::Handle::current(),
    });
    // The gateway (serenity's shard runner, poise's dispatch) runs on a runtime of its own
    // on its own threads: a burst of work for the engine and SQLite cannot keep it from
    // reading the socket. Two workers, so that serenity's parsing of the next frame (the
    // bound of a burst: one thread) and the dispatch of the last one run side by side.
    let (built_tx, built) = oneshot::channel::<anyhow::Result<()>>();
    let gateway = std::thread::Builder::new()
        .name("discord-gateway".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("discord-gateway")
                .enable_all()
                .build()
            {
                Ok(r) => r,
                Err(e) => {
                    let _ = built_tx.send(Err(anyhow!("cannot start the gateway runtime: {e}")));
                    return;
                }
            };
            runtime.block_on(async move {
                match client(&bot, &token, &settings).await {
                    Ok(first) => {
                        let _ = built_tx.send(Ok(()));
                        run(bot, token, settings, first, stop).await;
                    }
                    Err(e) => {
                        let _ = built_tx.send(Err(e));
                    }
                }
            });
            // Dropping the runtime ends the gateway's tasks; then the queue is drained.
            drop(runtime);
            let _ = gateway_done_tx.send(());
        })
        .context("cannot start the gateway thread")?;
    match built.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e),
        Err(_) => return Err(anyhow!("the gateway thread ended before connecting")),
    }
    Ok(tokio::spawn(async move {
        let _ = drained.await;
        let _ = tokio::task::spawn_blocking(move || gateway.join()).await;
    }))
}

/// Whether an error means the token is wrong (retrying will not help).
fn refused(e: &serenity::Error) -> bool {
    matches!(
        e,
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r))
            if r.status_code.as_u16() == 401
    ) || matches!(
        e,
        serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication)
    )
}

/// Runs the gateway until `stop` flips; rebuilds the client after a failure, with backoff.
async fn run(
    bot: Data,
    token: String,
    settings: Settings,
    first: serenity::Client,
    mut stop: watch::Receiver<bool>,
) {
    let mut next = Some(first);
    let mut failures: u32 = 0;
    loop {
        if *stop.borrow() {
            break;
        }
        let mut client = match next.take() {
            Some(c) => c,
            None => match client(&bot, &token, &settings).await {
                Ok(c) => c,
                Err(e) => {
                    tracing::error!(error = %e, "discord client failed");
                    failures += 1;
                    if wait_or_stop(&mut stop, backoff(failures)).await {
                        break;
                    }
                    continue;
                }
            },
        };
        let shards = client.shard_manager.clone();
        let mut watch_stop = stop.clone();
        let watcher = tokio::spawn(async move {
            while !*watch_stop.borrow() {
                if watch_stop.changed().await.is_err() {
                    return;
                }
            }
            shards.shutdown_all().await;
        });
        tracing::info!("connecting to discord");
        let connected_at = std::time::Instant::now();
        let result = match settings.shards {
            // serenity's range is first..last with `last` included ("up to and including").
            Some(r) => client.start_shard_range(r.first..r.last, r.total).await,
            None => client.start().await,
        };
        if *stop.borrow() {
            // The watcher shut the shards down; let it finish.
            let _ = tokio::time::timeout(Duration::from_secs(10), watcher).await;
            break;
        }
        watcher.abort();
        match result {
            Err(e) if refused(&e) => {
                tracing::error!(
                    "discord refused the bot token; check the variable the config names"
                );
                break;
            }
            Err(e) => {
                tracing::warn!(error = %super::limits::describe(&e), "discord connection failed")
            }
            Ok(()) => tracing::warn!("discord connection ended"),
        }
        // A connection that held for a while starts the backoff afresh.
        if connected_at.elapsed() >= HEALTHY_CONNECTION {
            failures = 0;
        }
        failures += 1;
        if wait_or_stop(&mut stop, backoff(failures)).await {
            break;
        }
    }
    tracing::info!("discord stopped");
}

/// A connection that lasted this long was a good one: the next failure waits 1 s again.
const HEALTHY_CONNECTION: Duration = Duration::from_secs(60);

/// 1 s doubling to at most 64 s.
fn backoff(failures: u32) -> Duration {
    Duration::from_secs(1u64 << failures.clamp(1, 7).saturating_sub(1))
}

/// Sleeps for `d`; true if `stop` flipped meanwhile.
async fn wait_or_stop(stop: &mut watch::Receiver<bool>, d: Duration) -> bool {
    let sleep = tokio::time::sleep(d);
    tokio::pin!(sleep);
    loop {
        if *stop.borrow() {
            return true;
        }
        tokio::select! {
            _ = &mut sleep => return *stop.borrow(),
            changed = stop.changed() => if changed.is_err() { return false },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guild_ids_are_checked() {
        let mut c = config::Discord {
            token_env: "X".into(),
            facilitator_role: None,
            guild_id: Some("123".into()),
            api_base: Some("http://127.0.0.1:1/".into()),
            shards: None,
            shard_total: None,
        };
        let s = Settings::from_config(&c).unwrap();
        assert_eq!(s.guild, Some(serenity::GuildId::new(123)));
        assert_eq!(s.shards, None, "every shard, as Discord recommends");
        assert_eq!(s.api_base.as_deref(), Some("http://127.0.0.1:1"));
        // A range of the shards: serenity is given 4..7, its end included.
        c.shards = Some("4-7".into());
        c.shard_total = Some(8);
        let r = Settings::from_config(&c).unwrap().shards.unwrap();
        assert_eq!((r.first, r.last, r.total), (4, 7, 8));
        c.shard_total = None;
        let err = Settings::from_config(&c).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("shard_total")));
        c.shards = None;
        c.guild_id = Some("my server".into());
        assert!(Settings::from_config(&c).is_err());
    }

    #[test]
    fn invite_permissions_are_what_the_bot_uses() {
        let p = serenity::Permissions::VIEW_CHANNEL
            | serenity::Permissions::SEND_MESSAGES
            | serenity::Permissions::SEND_MESSAGES_IN_THREADS
            | serenity::Permissions::CREATE_PUBLIC_THREADS
            | serenity::Permissions::EMBED_LINKS
            | serenity::Permissions::ATTACH_FILES
            | serenity::Permissions::READ_MESSAGE_HISTORY
            | serenity::Permissions::SEND_POLLS;
        assert_eq!(p.bits(), INVITE_PERMISSIONS);
        assert!(invite_url(5).contains("client_id=5&scope=bot+applications.commands"));
    }

    #[test]
    fn backoff_grows_to_a_cap() {
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(4));
        assert_eq!(backoff(30), Duration::from_secs(64));
    }
}
