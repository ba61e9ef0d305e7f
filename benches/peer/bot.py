"""The peer: the bot a reading group would write by hand with discord.py and aiosqlite,
following the libraries' tutorials. It stores each guild message in SQLite and commits it
(one transaction a message, WAL, synchronous=FULL like colloquy).

For the gateway benchmark (benches/gateway.rs): --api points discord.py at the fake
Discord; after each commit the bot appends "message_id unix_nanoseconds" to --trace.
"""

import argparse
import asyncio
import time

import aiohttp

import aiosqlite
import discord
import yarl

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    channel_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    content TEXT NOT NULL,
    posted_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_channel ON messages (channel_id, posted_at);
"""


class Recorder(discord.Client):
    def __init__(self, db_path, trace_path, **options):
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(intents=intents, **options)
        self.db_path = db_path
        self.trace = open(trace_path, "a", buffering=1) if trace_path else None
        self.db = None

    async def setup_hook(self):
        self.db = await aiosqlite.connect(self.db_path)
        await self.db.execute("PRAGMA journal_mode=WAL")
        await self.db.execute("PRAGMA synchronous=FULL")
        await self.db.executescript(SCHEMA)
        await self.db.commit()

    async def on_message(self, message):
        if message.author.bot or message.guild is None:
            return
        await self.db.execute(
            "INSERT OR IGNORE INTO messages"
            " (message_id, channel_id, author_id, author_name, content, posted_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                str(message.id),
                str(message.channel.id),
                str(message.author.id),
                message.author.display_name,
                message.content,
                message.created_at.isoformat(),
            ),
        )
        await self.db.commit()
        if self.trace:
            self.trace.write(f"{message.id} {time.time_ns()}\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--api", help="base URL of a fake Discord (http://127.0.0.1:PORT)")
    p.add_argument("--db", default="peer.db")
    p.add_argument("--trace")
    p.add_argument("--token", default="fake-bot-token")
    a = p.parse_args()
    if a.api:
        base = a.api.rstrip("/")
        discord.http.Route.BASE = base + "/api/v10"
        # discord.py connects to its default gateway without asking GET /gateway.
        ws = base.replace("http://", "ws://", 1) + "/gateway"
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(ws)
    asyncio.run(run(a))


async def run(a):
    options = {}
    if a.api:
        # The fake serves REST and the gateway on one port: keep aiohttp from reusing a
        # REST connection for the websocket (Discord's are different hosts).
        options["connector"] = aiohttp.TCPConnector(force_close=True)
    async with Recorder(a.db, a.trace, **options) as client:
        await client.start(a.token)


if __name__ == "__main__":
    main()
