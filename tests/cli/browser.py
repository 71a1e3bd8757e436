"""Drives headless Chromium (Debian's, through Playwright from PyPI) for the HTML report tests.

Reads {"url": ..., "steps": [...]} as JSON on stdin, runs the steps on one page, and prints
{"seen": {name: value}, "errors": [...], "dialogs": [...]} as JSON: what the `eval` steps
returned, the page's script errors and console errors, and any dialog the page opened (a sign
that transcript text ran as script). The test that calls it asserts on what it prints.

Steps: {"do": "select"|"fill", "selector": S, "value": V}, {"do": "click", "selector": S},
{"do": "wait_for", "js": EXPR} (until EXPR is true), {"do": "eval", "name": N, "js": EXPR},
{"do": "goto", "url": U}, {"do": "reload"}, {"do": "script", "path": P} (adds the script file P
to the page), {"do": "screenshot", "path": P} (of the window, or of the element `selector`). The page is `viewport` wide and high (default 1200x900).
"""

import json
import sys

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main():
    job = json.load(sys.stdin)
    seen, errors, dialogs = {}, [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=job.get("chromium", "/usr/bin/chromium"), args=ARGS
        )
        width, height = job.get("viewport", [1200, 900])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type == "error" else None,
        )

        def on_dialog(d):
            dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        # Anything but the report itself is a request the page must not make.
        page.route(
            "**/*",
            lambda route: route.continue_()
            if route.request.url.startswith("file:")
            else (errors.append("request: " + route.request.url), route.abort()),
        )
        page.goto(job["url"])
        for step in job["steps"]:
            do = step["do"]
            if do == "select":
                page.select_option(step["selector"], step["value"])
            elif do == "fill":
                page.fill(step["selector"], step["value"])
            elif do == "click":
                page.click(step["selector"])
            elif do == "wait_for":
                page.wait_for_function(step["js"], timeout=10_000)
            elif do == "eval":
                seen[step["name"]] = page.evaluate(step["js"])
            elif do == "goto":
                page.goto(step["url"])
            elif do == "reload":
                page.reload()
            elif do == "script":
                page.add_script_tag(path=step["path"])
            elif do == "screenshot":
                target = page.locator(step["selector"]) if "selector" in step else page
                target.screenshot(path=step["path"])
            else:
                raise SystemExit(f"unknown step {do!r}")
        browser.close()
    json.dump({"seen": seen, "errors": errors, "dialogs": dialogs}, sys.stdout)


if __name__ == "__main__":
    main()
