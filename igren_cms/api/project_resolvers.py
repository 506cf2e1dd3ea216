"""The projects' root fields as plain functions: arguments in, public projects out."""

from pages import locales
from pages.models import ProjectPage
from pages.project_filters import ProjectFilter

from .context import audience, for_lookup
from .enums import stored
from .pagination import lookup, paginate, under


def public_projects(info, who=None):
    """The projects the audience (the request's) may see, in the editors' order; each knows the
    others of its page (their bodies are expanded together)."""
    return (
        locales.in_source_order(ProjectPage.objects.visible_to(who or audience(info)), info.context)
        .prefetch_related("categories", "partner_organisations")
        .loaded_together()
    )


def resolve_projects(
    root,
    info,
    status=None,
    category=None,
    search_query=None,
    order_by="editorial",
    page=None,
    per_page=None,
    locale=None,
    fallback=None,
):
    who = audience(info, root, locale, fallback)
    projects = ProjectFilter(stored(status), category, search_query).apply(
        under(public_projects(info, who), root)
    )
    if stored(order_by) == "reading":
        projects = projects.order_by("reading_key", "path")
    items, pagination = paginate(projects, page, per_page)
    return {"items": items, "pagination": pagination}


def resolve_project(root, info, slug=None, id=None):
    return lookup(public_projects(info, for_lookup(info, id)), slug, id, "project")
