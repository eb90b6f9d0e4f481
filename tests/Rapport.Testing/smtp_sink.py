"""A real SMTP server for tests: every message received is written to DIR as JSON (to, from, subject, text, html)."""
import asyncio, json, os, sys, uuid
from email import message_from_bytes, policy
from aiosmtpd.controller import Controller

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)

class Sink:
    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=policy.default)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        record = {
            "envelopeTo": envelope.rcpt_tos, "to": str(msg["To"]), "from": str(msg["From"]),
            "subject": str(msg["Subject"]), "messageId": str(msg["Message-ID"]),
            "text": text.get_content() if text else "", "html": html.get_content() if html else None,
        }
        tmp = os.path.join(folder, f".{uuid.uuid4()}.tmp")
        with open(tmp, "w") as f: json.dump(record, f)
        os.rename(tmp, os.path.join(folder, f"{uuid.uuid4()}.json"))
        return "250 Message accepted"

controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
try:
    asyncio.get_event_loop().run_forever()
except KeyboardInterrupt:
    pass
