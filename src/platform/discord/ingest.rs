//! The hand-off from the gateway to the engine: members' messages, edits and deletions are
//! translated on the gateway's thread and queued here; tasks on the engine's runtime record
//! them. Reading the gateway socket never waits on SQLite, and what was queued when the
//! gateway stops is still recorded (the queue is drained before the adapter's task ends).
//!
//! Events are recorded concurrently; the engine does not need them in order (an edit or
//! deletion that overtakes its message is applied by the store). The messages that have
//! queued up by the time the consumer looks are recorded together, in one commit: under a
//! burst, a task per message cost the engine's one worker more than the recording did.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{Semaphore, mpsc, oneshot};
use tokio::task::{JoinHandle, JoinSet};

use crate::engine::{Engine, IncomingMessage, MessageDelete, MessageEdit, MessageOutcome};

/// At most this many events are being recorded at once; the rest wait in the queue (in
/// memory, not in the gateway's socket).
const IN_FLIGHT: usize = 1024;

/// The environment variable that names a file to which every committed message is
/// appended as `message_id unix_nanoseconds` (for the gateway benchmark's lag).
pub(crate) const TRACE_ENV: &str = "COLLOQUY_TRACE_COMMITS";

/// One gateway event for the engine.
pub(crate) enum Work {
    Message(IncomingMessage),
    /// An edit, with the message as it now stands (recorded if the edit overtook it).
    Edit(MessageEdit, Option<IncomingMessage>),
    Delete(MessageDelete),
}

/// The gateway's end of the queue.
#[derive(Clone)]
pub(crate) struct Ingest {
    tx: mpsc::UnboundedSender<Work>,
}

impl Ingest {
    /// Queues an event; never waits. After shutdown the event is dropped with a warning
    /// (the backfill fetches what a stopped bot missed).
    pub(crate) fn push(&self, work: Work) {
        if self.tx.send(work).is_err() {
            tracing::warn!("a gateway event arrived after the adapter stopped");
        }
    }
}

/// Appends commit times to a file, one line a message. Lines are buffered and written
/// every few milliseconds (a write a line cost the bot 8 % of its CPU in a burst); each
/// carries the time of its own commit, so the delay does not change the lag measured.
struct Trace {
    file: Mutex<BufWriter<File>>,
    /// A failing write is reported once, not every few milliseconds.
    warned: AtomicBool,
}

/// How often buffered trace lines are written.
const TRACE_FLUSH: std::time::Duration = std::time::Duration::from_millis(2);

impl Trace {
    fn open(path: &Path) -> std::io::Result<Arc<Trace>> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let trace = Arc::new(Trace {
            file: Mutex::new(BufWriter::new(file)),
            warned: AtomicBool::new(false),
        });
        // Writes the buffer until the consumer drops the trace (the last lines are
        // written by BufWriter's drop).
        let weak = Arc::downgrade(&trace);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(TRACE_FLUSH).await;
                let Some(trace) = weak.upgrade() else { break };
                trace.flush();
            }
        });
        Ok(trace)
    }

    fn flush(&self) {
        let mut f = self.file.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(e) = f.flush() {
            self.failed(&e);
        }
    }

    fn failed(&self, e: &std::io::Error) {
        if !self.warned.swap(true, Ordering::Relaxed) {
            tracing::warn!(error = %e, "cannot write the commit trace");
        }
    }

    fn committed(&self, message_id: &str) {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let mut f = self.file.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(e) = writeln!(f, "{message_id} {nanos}") {
            self.failed(&e);
        }
    }
}

/// Starts the consumer on the current (the engine's) runtime. It ends once `gateway_done`
/// fires (or its sender is dropped) and everything queued until then is recorded.
pub(crate) fn spawn(
    engine: Engine,
    gateway_done: oneshot::Receiver<()>,
) -> anyhow::Result<(Ingest, JoinHandle<()>)> {
    let trace = match std::env::var_os(TRACE_ENV) {
        Some(p) if !p.is_empty() => Some(Trace::open(Path::new(&p)).map_err(|e| {
            anyhow::anyhow!("cannot open the commit trace {}: {e}", p.to_string_lossy())
        })?),
        _ => None,
    };
    let (tx, rx) = mpsc::unbounded_channel();
    let task = tokio::spawn(consume(engine, rx, gateway_done, trace));
    Ok((Ingest { tx }, task))
}

/// The most events taken off the queue at a time; the messages among them are recorded
/// together, in one commit.
const TAKE: usize = 256;

async fn consume(
    engine: Engine,
    mut rx: mpsc::UnboundedReceiver<Work>,
    mut gateway_done: oneshot::Receiver<()>,
    trace: Option<Arc<Trace>>,
) {
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut running = JoinSet::new();
    let mut closing = false;
    let mut taken = Vec::with_capacity(TAKE);
    loop {
        let n = if closing {
            rx.recv_many(&mut taken, TAKE).await
        } else {
            tokio::select! {
                n = rx.recv_many(&mut taken, TAKE) => n,
                _ = &mut gateway_done => {
                    // No more events can come: take what is queued, then stop.
                    closing = true;
                    rx.close();
                    continue;
                }
            }
        };
        if n == 0 {
            break;
        }
        for task in tasks(taken.drain(..)) {
            // The semaphore is never closed, and no task is larger than it.
            let Ok(slot) = Arc::clone(&slots).acquire_many_owned(task.size()).await else {
                continue;
            };
            let engine = engine.clone();
            let trace = trace.clone();
            running.spawn(async move {
                match task {
                    Task::Messages(msgs) => record(&engine, msgs, trace.as_deref()).await,
                    Task::One(work) => {
                        if let Err(e) = apply(&engine, *work, trace.as_deref()).await {
                            tracing::warn!(error = %e, "a gateway event was not recorded");
                        }
                    }
                }
                drop(slot);
            });
        }
        while running.try_join_next().is_some() {}
    }
    while running.join_next().await.is_some() {}
}

/// What one recording task does: the messages taken together, or one edit or deletion.
enum Task {
    Messages(Vec<IncomingMessage>),
    One(Box<Work>),
}

impl Task {
    /// The slots it takes (one an event).
    fn size(&self) -> u32 {
        match self {
            Task::Messages(msgs) => msgs.len() as u32,
            Task::One(_) => 1,
        }
    }
}

/// The events taken off the queue as tasks: their messages as one, each edit or deletion
/// on its own.
fn tasks(taken: impl Iterator<Item = Work>) -> Vec<Task> {
    let mut msgs = Vec::new();
    let mut tasks = Vec::new();
    for work in taken {
        match work {
            Work::Message(msg) => msgs.push(msg),
            other => tasks.push(Task::One(Box::new(other))),
        }
    }
    if !msgs.is_empty() {
        tasks.push(Task::Messages(msgs));
    }
    tasks
}

/// Records messages together (one commit) and traces those recorded.
async fn record(engine: &Engine, msgs: Vec<IncomingMessage>, trace: Option<&Trace>) {
    let ids: Vec<String> = match trace {
        Some(_) => msgs.iter().map(|m| m.message_id.clone()).collect(),
        None => vec![],
    };
    let outcomes = engine.on_messages(msgs).await;
    for (k, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Ok(MessageOutcome::Recorded { .. }) => {
                if let (Some(t), Some(id)) = (trace, ids.get(k)) {
                    t.committed(id);
                }
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "a gateway message was not recorded"),
        }
    }
}

async fn apply(engine: &Engine, work: Work, trace: Option<&Trace>) -> anyhow::Result<()> {
    match work {
        Work::Message(msg) => record(engine, vec![msg], trace).await,
        Work::Edit(edit, message) => {
            if engine.on_edit(edit.clone()).await? != MessageOutcome::Unknown {
                return Ok(());
            }
            // The message may not be recorded yet (its event still on the way): record it
            // as it is now, then mark it edited.
            let Some(msg) = message else {
                return Ok(());
            };
            if let MessageOutcome::Recorded { .. } | MessageOutcome::Duplicate { .. } =
                engine.on_message(msg).await?
            {
                engine.on_edit(edit).await?;
            }
        }
        Work::Delete(del) => {
            engine.on_delete(del).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{MemberKey, Platform};

    fn message(id: &str) -> Work {
        Work::Message(IncomingMessage {
            platform: Platform::Discord,
            channel_id: "1".into(),
            thread_root: None,
            reply_to: None,
            message_id: id.into(),
            author: MemberKey::new(Platform::Discord, "7"),
            author_name: "ana".into(),
            text: "hello".into(),
            at: chrono::DateTime::UNIX_EPOCH,
        })
    }

    fn deletion(id: &str) -> Work {
        Work::Delete(MessageDelete {
            platform: Platform::Discord,
            message_id: id.into(),
            at: chrono::DateTime::UNIX_EPOCH,
        })
    }

    #[test]
    fn the_messages_taken_together_are_one_task_and_the_rest_one_each() {
        let taken = vec![
            message("1"),
            deletion("9"),
            message("2"),
            deletion("8"),
            message("3"),
        ];
        let tasks = tasks(taken.into_iter());
        let shapes: Vec<String> = tasks
            .iter()
            .map(|t| match t {
                Task::Messages(msgs) => {
                    let ids: Vec<&str> = msgs.iter().map(|m| m.message_id.as_str()).collect();
                    format!("messages {}", ids.join(","))
                }
                Task::One(work) => match &**work {
                    Work::Delete(d) => format!("delete {}", d.message_id),
                    _ => "other".into(),
                },
            })
            .collect();
        assert_eq!(shapes, ["delete 9", "delete 8", "messages 1,2,3"]);
        assert_eq!(tasks.iter().map(Task::size).collect::<Vec<_>>(), [1, 1, 3]);
        assert!(super::tasks(std::iter::empty()).is_empty());
    }
}
