"""Accept every tracked change in a Word file with LibreOffice itself and save it as .docx again.

Run by the system's Python (`/usr/bin/python3 tests/lo_accept.py IN OUT PROFILE`), which is the one
Debian's python3-uno extends; the project's virtual environment cannot import `uno`. It starts its own
headless LibreOffice on a private pipe with a throwaway profile, waits until the office answers (a first
start with a fresh profile restarts itself once, which drops early connections: hence the retries),
opens the file hidden, accepts all changes the way Edit ▸ Track Changes ▸ Accept All does, checks that no
revision is left, stores the document with Word's filter and shuts the office down.

Exit status 0 when the saved file is written with every change accepted; 1 with a message otherwise.

Debian's headless Writer (libreoffice-writer-nogui) ships none of Writer's dialog files, and a document
view that lays out a comment in the margin aborts the office (NoSuchElementException building the
comment window, whatever the View ▸ Comments setting); --convert-to has no view and is not affected. So
the files given here carry tracked insertions, deletions and moves, and no comments.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]  # Debian's python3-uno, for /usr/bin/python3 only
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.lang import DisposedException  # type: ignore[import-not-found]

STARTUP_SECONDS = 90


def _property(name: str, value: object) -> PropertyValue:
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def _connect(pipe: str, office: subprocess.Popen) -> tuple[object, object]:
    """The office's component context and desktop, once it answers on the pipe (retrying while it starts or restarts)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            desktop.getComponents()  # a call that fails if the bridge went away during a restart
            return context, desktop
        except (NoConnectException, DisposedException, RuntimeError) as error:
            if time.monotonic() > deadline:
                raise SystemExit(f"LibreOffice did not answer on pipe {pipe} within {STARTUP_SECONDS} s") from error
            if office.poll() not in (None, 0, 81):  # 81: the first start's planned restart
                raise SystemExit(f"LibreOffice exited with status {office.returncode} before answering") from error
            time.sleep(0.5)


def _load(desktop: object, source: Path, office: subprocess.Popen) -> object:
    """The document, opened hidden (no window, no dialog)."""
    try:
        document = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),))
    except DisposedException as error:
        office.wait(timeout=30)
        raise SystemExit(f"LibreOffice stopped (status {office.returncode}) while opening {source}") from error
    if document is None:
        raise SystemExit(f"LibreOffice could not open {source}")
    return document


def accept_all(source: Path, target: Path, profile: Path) -> None:
    pipe = f"bw_accept_{uuid.uuid4().hex}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               f"-env:UserInstallation={profile.resolve().as_uri()}",
                               f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _accept_and_store(pipe, office, source, target)
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:  # the launcher's child (soffice.bin) shares its process group
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()


def _accept_and_store(pipe: str, office: subprocess.Popen, source: Path, target: Path) -> None:
    context, desktop = _connect(pipe, office)
    try:
        document = _load(desktop, source, office)
        document.RecordChanges = False  # accepting must not itself be recorded as a change
        frame = document.getCurrentController().getFrame()
        helper = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        helper.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
        if document.getRedlines().hasElements():
            raise SystemExit(f"LibreOffice left {source.name} with tracked changes after Accept All")
        document.storeToURL(target.resolve().as_uri(), (_property("FilterName", "MS Word 2007 XML"),
                                                        _property("Overwrite", True)))
        document.close(True)
    finally:
        with contextlib.suppress(DisposedException):  # terminating drops the bridge before the call returns
            desktop.terminate()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: lo_accept.py IN.docx OUT.docx PROFILE_DIR")
    accept_all(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
