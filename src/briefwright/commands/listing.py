"""`briefwright list`: the products, audiences, modules and sources of a project."""

from __future__ import annotations

import argparse

from briefwright.commands.common import EXIT_OK, overlay, project_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    list_parser = sub.add_parser("list", parents=[common], help="list products, audiences, modules and sources",
                                 description="List what the project can build and what it is built from.")
    list_parser.set_defaults(handler=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    from briefwright.audience import audience_names, load_audience
    from briefwright.build import available_products, collect
    from briefwright.products import load_product
    from briefwright.sources import cite

    project = project_of(args)
    workspace = collect(project, overlay=overlay(args))
    print("products:")
    product_layers = workspace.layers.files("products")
    for name in available_products(workspace):
        product = load_product(workspace.layers, name)
        budget = f"{product.budget.pages} page(s)" if product.kind == "flow" else f"{product.budget.slides} slides"
        aliases = f" (alias: {', '.join(product.aliases)})" if product.aliases else ""
        origin = product_layers[name][1].label
        print(f"  {name:<12} {product.format}  {budget:<10} {product.title}{aliases} [{origin}]")
    print("audiences:")
    audience_layers = workspace.layers.files("audiences")
    for name in audience_names(workspace.layers):
        profile = load_audience(workspace.layers, name)
        default = " (default)" if name == project.config.default_audience else ""
        banner = f" banner: {profile.banner}" if profile.banner else ""
        print(f"  {name:<12} {profile.paper:<6} {profile.label}{default}{banner} [{audience_layers[name][1].label}]")
    print("modules:")
    for module in workspace.content.modules:
        by_priority = [sum(1 for p in module.points if p.priority == level) for level in (1, 2, 3)]
        counts = "/".join(map(str, by_priority))
        print(f"  {module.id:<22} {len(module.points):>2} points (priority 1/2/3: {counts})  {module.title}")
    print("sources:")
    for source in workspace.sources:
        meta = source.meta
        when = cite.display_date(meta.date)
        print(f"  {meta.id:<8} {cite.author_display(meta)} — {meta.title} ({meta.publisher}; {when})")
    return EXIT_OK
