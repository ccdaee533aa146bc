export default function JobsPage() {
  return <main className="p-8"><h1 className="text-2xl font-semibold">Jobs</h1></main>;
}
