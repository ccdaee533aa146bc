// Shared by the table and its skeleton (a server component may render the skeleton).
export const JOB_COLUMNS = ["Job", "Product", "Status", "Progress", "Created", "Updated", "Duration", "Cost"] as const;
