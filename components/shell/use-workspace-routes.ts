"use client";

import { useParams } from "next/navigation";
import { type WorkspaceRoutes, workspaceRoutes } from "@/components/routes";

/** The page URLs of the workspace this page is in (its `/w/{workspaceId}` segment). */
export function useWorkspaceRoutes(): WorkspaceRoutes {
  const { workspaceId } = useParams<{ workspaceId: string }>();
  return workspaceRoutes(workspaceId);
}
