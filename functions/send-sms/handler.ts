// placeholder: the real handler lands shortly
export const handler = async (): Promise<unknown> => ({ statusCode: 501 });
