import { redirect } from "next/navigation";

// GET / — the portal opens on the Jobs page.
export default function Home() {
  redirect("/jobs");
}
