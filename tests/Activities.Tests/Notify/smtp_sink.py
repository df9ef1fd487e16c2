"""SMTP sink for the mail tests: accepts every message on 127.0.0.1:<port> and stores it in <folder>.

Usage: python3 smtp_sink.py <port> <folder>
Each message becomes NNNN.json (envelope: {"from", "to"}) and NNNN.eml (the raw bytes as received),
the .eml written last and renamed into place, so a reader that sees it sees the whole message.
Prints "ready" once it accepts connections; stops when its standard input closes (the test ended)
or on SIGTERM/SIGINT.
"""
import itertools
import json
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        base = os.path.join(self.folder, f"{next(self.numbers):04d}")
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        with open(base + ".eml.part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(base + ".eml.part", base + ".eml")
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
