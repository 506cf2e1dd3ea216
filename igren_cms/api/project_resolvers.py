"""The projects' root fields as plain functions: arguments in, public projects out."""

from pages.models import ProjectPage
from pages.project_filters import ProjectFilter

from .context import audience
from .enums import stored
from .pagination import lookup, paginate, under


def public_projects(info):
    """The projects the request's audience may see, in the editors' order; each knows the
    others of its page (their bodies are expanded together)."""
    return (
        ProjectPage.objects.visible_to(audience(info))
        .prefetch_related("categories", "partner_organisations")
        .order_by("path")
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
):
    projects = ProjectFilter(stored(status), category, search_query).apply(
        under(public_projects(info), root)
    )
    if stored(order_by) == "reading":
        projects = projects.order_by("reading_key", "path")
    items, pagination = paginate(projects, page, per_page)
    return {"items": items, "pagination": pagination}


def resolve_project(root, info, slug=None, id=None):
    return lookup(public_projects(info), slug, id, "project")
