"""A Streamlit session driven over its own websocket protocol, without a browser: what the server does for one
user, and nothing the browser does.

Why: in the rush (benchmarks/rush.py) the k Chromium renderers run on the server's own two cores and cost ten
times the server's CPU, so a browser-driven rush measures the browsers. Here each head of office is a websocket
client that speaks Streamlit's protocol (``/_stcore/stream``, BackMsg/ForwardMsg protobufs, the same messages the
frontend sends): it opens the sign-in form, fills in the two fields the form's deltas name, presses the submit
button, and reads every message until the page's script run has finished. The time it measures ends when the last
delta of that run has arrived; the browser's own drawing after that is measured separately, in a browser.

The static files a first visit fetches are not fetched here (a returning browser has them: Streamlit marks them
immutable); benchmarks/rush.py says so beside the figures.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

FINISHED, EARLY_FOR_RERUN = 0, 2  # ForwardMsg.script_finished values (ForwardMsg.proto)
TIMEOUT_S = 180.0


@dataclass
class Run:
    """What one script run sent: the headings shown, the widget ids by label, exceptions, bytes and messages."""

    headings: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    messages: int = 0
    bytes: int = 0


class Session:
    """One browser tab's worth of Streamlit session, minus the browser."""

    def __init__(self, url: str, query_string: str = ""):
        self.uri = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.url, self.query_string = url, query_string
        self.ws = None

    async def __aenter__(self) -> Session:
        import websockets

        self.ws = await websockets.connect(self.uri, subprotocols=["streamlit"], max_size=None, open_timeout=60,
                                           ping_interval=None)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    def _rerun(self, widget_states: list | None = None):
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        msg.rerun_script.context_info.url = self.url + "/" + (f"?{self.query_string}" if self.query_string else "")
        msg.rerun_script.context_info.timezone = "Asia/Jakarta"
        msg.rerun_script.context_info.locale = "id-ID"
        for state in widget_states or []:
            msg.rerun_script.widget_states.widgets.append(state)
        return msg.SerializeToString()

    async def run(self, widget_states: list | None = None) -> Run:
        """Ask for a script run and read until it (and any rerun it asked for) has finished."""
        await self.ws.send(self._rerun(widget_states))
        return await self._until_finished()

    async def _until_finished(self) -> Run:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        run = Run()
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), TIMEOUT_S)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            run.messages, run.bytes = run.messages + 1, run.bytes + len(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                _note_element(run, msg.delta.new_element)
            elif kind == "script_finished" and msg.script_finished != EARLY_FOR_RERUN:
                return run

    async def sign_in(self, form: Run, username: str, password: str, fields=("Nama pengguna", "Kata sandi"),
                      button: str = "Masuk") -> tuple[Run, float]:
        """Fill the form's two fields and press its submit button; the run that follows and its seconds."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        states = [WidgetState(id=form.widgets[fields[0]], string_value=username),
                  WidgetState(id=form.widgets[fields[1]], string_value=password),
                  WidgetState(id=form.widgets[button], trigger_value=True)]
        t0 = time.perf_counter()
        run = await self.run(states)
        return run, time.perf_counter() - t0


def _note_element(run: Run, element) -> None:
    kind = element.WhichOneof("type")
    body = getattr(element, kind)
    if kind == "heading":
        run.headings.append(body.body)
    elif kind == "exception":
        run.exceptions.append(f"{body.type}: {body.message}")
    elif getattr(body, "id", "") and getattr(body, "label", ""):
        run.widgets[body.label] = body.id
