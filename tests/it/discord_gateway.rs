//! The gateway keeps reading while the engine is busy: the Discord adapter's socket is read
//! on a thread of its own, and events wait for the engine in memory, not in the kernel.

use std::time::{Duration, Instant};

use crate::common::discord_app::{Bot, hold_workers};
use crate::common::fake_discord::{FakeDiscord, FakeOptions};

/// Every worker of the engine's runtime is held (as a burst of CPU-bound engine work or a
/// blocking call would hold it) while 1,000 messages arrive: the bot must still read all
/// of them off the socket and keep heartbeating.
#[test]
fn discord_gateway_reads_and_heartbeats_while_the_engine_runtime_is_held() {
    const WORKERS: usize = 2;
    const N: u64 = 1_000;
    // Serenity restarts a shard whose last heartbeat is not yet acknowledged when the next
    // is due, and the acknowledgement queues behind the burst's frames: on a loaded 2-core
    // CI machine reading 1,000 frames can take longer than 100 ms, so the interval leaves
    // room for that (Discord's own is 41 s) while three beats still fit in the hold.
    let heartbeat = Duration::from_millis(500);
    let held_for = Duration::from_secs(6);
    // The fake runs on its own runtime, so holding the bot's does not stop it.
    let fake_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("fake runtime");
    let bot_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .enable_all()
        .build()
        .expect("bot runtime");
    let fake = fake_rt.block_on(FakeDiscord::start_with(FakeOptions {
        heartbeat_interval: heartbeat,
        ..FakeOptions::default()
    }));
    let member = fake.member("bob");
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = bot_rt.block_on(Bot::start(&fake, dir.path()));

    // Hold every worker of the bot's runtime.
    let t0 = Instant::now();
    let blockers = hold_workers(&bot_rt, WORKERS, held_for);
    let before = fake.gateway_stats();
    let text = "A message long enough to fill the socket's buffers quickly: ".repeat(8);
    for _ in 0..N {
        fake.user_message(&member, &text).send();
    }
    let last_seq = fake.seq();
    // While the workers are still held: every frame was taken by the client and the
    // heartbeats went on.
    let deadline = t0 + held_for - Duration::from_millis(500);
    loop {
        let s = fake.gateway_stats();
        if s.frames_sent >= last_seq && s.heartbeats >= before.heartbeats + 3 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "with the engine's runtime held, the gateway sent {} of {} frames and got {} \
             heartbeats (was {})",
            s.frames_sent,
            last_seq,
            s.heartbeats,
            before.heartbeats
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    for b in blockers {
        let _ = bot_rt.block_on(b);
    }
    assert!(fake.gateway_stats().live, "the session stayed up");
    bot_rt.block_on(bot.stop());
}
