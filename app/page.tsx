import { redirect } from "next/navigation";
import { routes } from "@/components/routes";

// GET / — the portal opens on the overview.
export default function Home() {
  redirect(routes.overview);
}
