"""The project types: `Project`, `ProjectList`, and the root fields `projects` and `project`; the
values come from `project_resolvers`."""

import graphene

from pages.models import ProjectPage
from pages.rich_text import expanded_body

from . import common, project_resolvers
from .context import locale_args
from .enums import ProjectOrder, ProjectStatus
from .meetings import MeetingFields
from .page_types import PAGE_INTERFACES, register
from .pagination import Pagination
from .scalars import attr_or_none, or_none


class Project(MeetingFields, common.Reading, graphene.ObjectType):
    """A public project of the association."""

    class Meta:
        interfaces = PAGE_INTERFACES

    feeds = graphene.Field(
        common.FeedLinks, required=True, description="The feeds of this project's events."
    )
    resolve_feeds = common.feeds_of(project=lambda page: page.slug)

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
            expanded_body(project, info.context, project.loaded_with(), absolute=True)
        )
    )
    resolve_categories = staticmethod(lambda project, info: project.categories.all())
    resolve_partner_organisations = staticmethod(
        lambda project, info: project.partner_organisations.all()
    )


register(ProjectPage, loader=project_resolvers.public_projects)(Project)


class ProjectList(graphene.ObjectType):
    """One page of projects."""

    items = graphene.List(graphene.NonNull(Project), required=True, description="The projects.")
    pagination = graphene.Field(Pagination, required=True, description="Paging information.")


def projects_field(description):
    """`projects` with its arguments: the root field, and the same list on a project index."""
    return graphene.Field(
        ProjectList,
        description=description,
        resolver=project_resolvers.resolve_projects,
        status=ProjectStatus(description="Only projects at this stage."),
        category=graphene.String(description="Category slug."),
        search_query=graphene.String(description="Words that must all appear."),
        order_by=ProjectOrder(default_value="editorial", description="The order of the list."),
        page=graphene.Int(description="Page number, from 1."),
        per_page=graphene.Int(description="Items per page, 1-100 (default 20)."),
        **locale_args(),
    )


class ProjectQueries(graphene.ObjectType):
    projects = projects_field(
        "Public projects in the editors' order; null (with an error) when an argument is wrong."
    )
    project = graphene.Field(
        Project,
        slug=graphene.String(description="Project slug."),
        id=graphene.ID(description="Project page id."),
        description="One public project by slug or id; null when not found or not public.",
    )

    resolve_project = staticmethod(project_resolvers.resolve_project)
