import { redirect } from "next/navigation";
import { routes } from "@/components/routes";

// GET / — the portal opens on the Jobs page.
export default function Home() {
  redirect(routes.jobs);
}
