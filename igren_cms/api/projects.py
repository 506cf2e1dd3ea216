"""`projects` and `project`."""

import graphene

from pages import inputs
from pages.event_filters import UnknownSlug
from pages.models import ProjectPage
from pages.rich_text import expanded_body
from pages.text_search import matching_pages
from snippets.models import Category as CategoryModel

from . import common
from .context import audience
from .enums import ProjectStatus, stored
from .page_types import Page, register
from .pagination import Pagination, lookup, paginate
from .scalars import attr_or_none, or_none


class Project(graphene.ObjectType):
    """A public project of the association."""

    class Meta:
        interfaces = (Page,)

    status = graphene.Field(ProjectStatus, required=True, description="Running or finished.")
    started_on = graphene.Date(description="When the project started, when known.")
    summary = graphene.String(description="Short plain-text summary.")
    body = graphene.String(description="Body as HTML.")
    categories = graphene.List(
        graphene.NonNull(common.Category), required=True, description="Categories."
    )
    partner_organisations = graphene.List(
        graphene.NonNull(common.Organisation), required=True, description="Partners."
    )

    resolve_summary = attr_or_none("summary")
    resolve_body = staticmethod(
        lambda project, info: or_none(
            expanded_body(project, info.context, getattr(project, "listing", None), absolute=True)
        )
    )
    resolve_categories = staticmethod(lambda project, info: project.categories.all())
    resolve_partner_organisations = staticmethod(
        lambda project, info: project.partner_organisations.all()
    )


register(ProjectPage, loader=lambda info: public_projects(info))(Project)


class ProjectList(graphene.ObjectType):
    """One page of projects."""

    items = graphene.List(graphene.NonNull(Project), required=True, description="The projects.")
    pagination = graphene.Field(Pagination, required=True, description="Paging information.")


def public_projects(info):
    return (
        ProjectPage.objects.visible_to(audience(info))
        .prefetch_related("categories", "partner_organisations")
        .order_by("path")
    )


def resolve_projects(
    root, info, status=None, category=None, search_query=None, page=None, per_page=None
):
    for name, value in (("category", category), ("searchQuery", search_query)):
        if value is not None:
            inputs.text(value, name)
    projects = public_projects(info)
    if status is not None:
        projects = projects.filter(status=stored(status))
    if category is not None:
        if not CategoryModel.objects.filter(slug=category).exists():
            raise UnknownSlug(f"Unknown category {inputs.echo(category)}.")
        projects = projects.filter(categories__slug=category)
    if search_query:
        projects = matching_pages(projects, search_query, "project")
    items, pagination = paginate(projects, page, per_page)
    for project in items:
        project.listing = items  # bodies of the page are expanded together
    return ProjectList(items=items, pagination=pagination)


class ProjectQueries(graphene.ObjectType):
    projects = graphene.Field(
        ProjectList,
        description="Public projects in the editors' order; null (with an error) when an "
        "argument is wrong.",
        resolver=resolve_projects,
        status=ProjectStatus(description="Only projects at this stage."),
        category=graphene.String(description="Category slug."),
        search_query=graphene.String(description="Words that must all appear."),
        page=graphene.Int(description="Page number, from 1."),
        per_page=graphene.Int(description="Items per page, 1-100 (default 20)."),
    )
    project = graphene.Field(
        Project,
        slug=graphene.String(description="Project slug."),
        id=graphene.ID(description="Project page id."),
        description="One public project by slug or id; null when not found or not public.",
    )

    @staticmethod
    def resolve_project(root, info, slug=None, id=None):
        return lookup(public_projects(info), slug, id, "project")
